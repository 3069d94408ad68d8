/**
 * The checklist the seeds describe (issue 10), which a city starts with. Both the demo seed and the
 * app's first use read it, so a fresh production city has the same items as the demo one.
 */
import type { Tx } from '@/lib/db';

export type DefaultChecklistItem = { title: string; titleEn: string; countsForA1: boolean };

export const DEFAULT_CHECKLIST: readonly DefaultChecklistItem[] = [
  {
    title: '帮扶档案齐全：每项活动有计划、有措施、有记录、有总结',
    titleEn: 'The assistance archive is complete: every activity has a plan, measures, a record and a summary',
    countsForA1: false,
  },
  {
    title: '每月到被帮扶园观摩一日活动组织',
    titleEn: "Someone visits the assisted kindergarten every month to observe how the day's activities are run",
    countsForA1: false,
  },
  {
    title: '送教下乡课时达到要求（每学期不少于 10 课时）',
    titleEn: 'Class hours sent to the assisted kindergarten meet the requirement (at least 10 per semester)',
    countsForA1: false,
  },
  {
    title: '按被帮扶园需求的专题开展讲座',
    titleEn: 'Special lectures are held on the topics the assisted kindergarten asked for',
    countsForA1: false,
  },
  {
    title: '接收被帮扶园教师跟班学习并做好管理',
    titleEn: "The assisted kindergarten's teachers are hosted for follow-up study and looked after",
    countsForA1: false,
  },
  {
    title: '教职工配齐配足，教师具备相应资格',
    titleEn: 'Fully staffed, and the teachers hold the required qualifications',
    countsForA1: true,
  },
  {
    title: '保教活动遵循《3-6岁儿童学习与发展指南》',
    titleEn: 'Activities follow the Guidance Outline (《3-6岁儿童学习与发展指南》)',
    countsForA1: true,
  },
  {
    title: '无“小学化”倾向（去小学化）',
    titleEn: 'No primary-school tendency (去小学化)',
    countsForA1: true,
  },
  {
    title: '家长工作有计划、活动多样、有总结、记录完整',
    titleEn: 'Parent work has a plan, varied activities, a summary and complete records',
    countsForA1: false,
  },
  {
    title: '专题研究有计划、每次活动有详细记录',
    titleEn: 'Special research has a plan and a detailed record of every session',
    countsForA1: false,
  },
  {
    title: '特色建设有计划、有过程、有成果、记录完整',
    titleEn: 'Characteristic construction has a plan, a process, results and complete records',
    countsForA1: false,
  },
];

/**
 * Writes the default items when the city has no checklist yet, and tells whether it did. Two first uses
 * at the same moment take turns on a transaction lock, so the list is never written twice: call it
 * inside a transaction.
 */
export async function createDefaultChecklistIfEmpty(tx: Tx): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hih:checklist-defaults'))`;
  if ((await tx.checklistTemplateItem.count()) > 0) return false;
  await tx.checklistTemplateItem.createMany({ data: DEFAULT_CHECKLIST.map((item, i) => ({ ...item, position: i + 1 })) });
  return true;
}
