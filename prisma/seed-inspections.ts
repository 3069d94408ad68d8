/**
 * Inspections (督查) in 清河区 (issue 10): the city's default checklist; two recorded inspections of
 * 江州市实验幼儿园 → 清河区柳湾镇中心幼儿园 (the demo directors' pairing): an unannounced one in spring 2026
 * graded 良好 with one item partly met, and an announced one in autumn 2026 graded 合格 whose item
 * 无“小学化”倾向 fails (so A1 for 2026–2027 reads "missed" from it); and a draft of 机关幼儿园 → 白沙镇幼儿园
 * that the Qinghe admin continues. Runs once (skipped when inspections exist).
 */
import type { PrismaClient } from '@/generated/prisma/client';
import type { ChecklistResult, InspectionGrade } from '@/generated/prisma/enums';
import { createDefaultChecklistIfEmpty } from '../src/lib/inspections/default-checklist';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';
import { dateOnly } from '../src/lib/time/date-only';

type Judged = { result: ChecklistResult; note?: string };

/** The results by the template's position (1-based); unlisted items meet. */
const SPRING: Record<number, Judged> = {
  1: { result: 'MEETS', note: '抽查 6 项活动，计划、措施、记录、总结齐全。' },
  3: { result: 'MEETS', note: '本学期送教 12 课时。' },
  6: { result: 'MEETS', note: '教职工 18 人，持证上岗。' },
  8: { result: 'MEETS', note: '各班以游戏活动为主，未见书写作业。' },
  9: { result: 'PARTLY', note: '家长工作有计划，但活动形式单一，缺少学期总结。' },
};
const AUTUMN: Record<number, Judged> = {
  2: { result: 'MEETS', note: '九月、十月均有观摩记录。' },
  7: { result: 'MEETS' },
  8: { result: 'FAILS', note: '大班仍布置拼音和书写作业，存在小学化倾向。' },
  11: { result: 'NOT_APPLICABLE', note: '特色建设计划下学期启动。' },
};
const DRAFT: Record<number, Judged> = {
  1: { result: 'MEETS' },
  2: { result: 'PARTLY', note: '十月的观摩记录缺少改进建议。' },
  3: { result: 'MEETS' },
};

export async function seedInspections(db: PrismaClient) {
  await db.$transaction((tx) => createDefaultChecklistIfEmpty(tx));
  if ((await db.inspection.count()) > 0) return;
  const tz = await cityTimeZone(db);
  const admin = await db.user.findFirst({
    where: { role: 'COUNTY_ADMIN', region: { code: 'JZ-QH' } },
    select: { id: true, regionId: true },
  });
  const cycle = await db.cycle.findUnique({ where: { startYear: 2025 } });
  if (!admin || !cycle) return;
  const pairing = (sup: string, ass: string) =>
    db.pairing.findFirst({ where: { cycleId: cycle.id, supporting: { code: sup }, assisted: { code: ass } }, select: { id: true } });
  const template = await db.checklistTemplateItem.findMany({ where: { active: true }, orderBy: { position: 'asc' } });

  const inspect = async (
    pairingId: string,
    on: string,
    data: {
      announced: boolean;
      inspectors: string;
      judged: Record<number, Judged>;
      all: boolean;
      grade?: InspectionGrade;
      summary?: string;
    },
  ) =>
    db.inspection.create({
      data: {
        pairingId,
        officeCountyId: admin.regionId,
        inspectedOn: dateOnly(on),
        announced: data.announced,
        inspectors: data.inspectors,
        status: data.grade ? 'RECORDED' : 'DRAFT',
        grade: data.grade ?? null,
        summary: data.summary ?? '',
        recordedAt: data.grade ? zonedToInstant(on, '17:30', tz) : null,
        createdById: admin.id,
        createdAt: zonedToInstant(on, '09:00', tz),
        items: {
          create: template.map((t, i) => {
            const j = data.judged[i + 1];
            return {
              templateItemId: t.id,
              position: i + 1,
              title: t.title,
              titleEn: t.titleEn,
              countsForA1: t.countsForA1,
              result: j?.result ?? (data.all ? 'MEETS' : null),
              note: j?.note ?? '',
            };
          }),
        },
      },
    });

  const demo = await pairing('QH-01', 'QH-04');
  if (demo) {
    await inspect(demo.id, '2026-04-16', {
      announced: false,
      inspectors: '刘建国、陈晓燕',
      judged: SPRING,
      all: true,
      grade: 'GOOD',
      summary: '帮扶工作扎实，送教和跟班学习落实到位；柳湾园家长工作形式单一，请于一个月内完善计划并补写学期总结。',
    });
    await inspect(demo.id, '2026-10-20', {
      announced: true,
      inspectors: '刘建国、王丽',
      judged: AUTUMN,
      all: true,
      grade: 'PASS',
      summary: '帮扶档案完整；柳湾园大班仍有书写作业，存在小学化倾向，须限期整改，帮扶园派骨干教师指导一日活动安排。',
    });
  }
  const draft = await pairing('QH-02', 'QH-06');
  // Begun today: the admin continues it on the phone.
  if (draft) await inspect(draft.id, localDate(new Date(), tz), { announced: false, inspectors: '刘建国', judged: DRAFT, all: false });
}
