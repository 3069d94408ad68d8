/**
 * The bureau's review of annual plans and summaries in 清河区 (issue 10): for academic year 2025–2026,
 * 江州市实验幼儿园 → 柳湾镇中心幼儿园 has its plan filed and its summary returned with comments (the demo
 * director sees what to change); 机关幼儿园 → 白沙镇幼儿园 has its summary filed at the second version.
 */
import type { PrismaClient } from '@/generated/prisma/client';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { zonedToInstant } from '../src/lib/time/zoned';

const PLAN = {
  content: '送教下乡、跟岗学习、专题讲座、联合教研。',
  goals: '被帮扶园教师一年内全部参加跟岗学习，区域活动质量明显提升。',
  methods: '示范引领、跟岗学习、结对带教。',
  steps: '九月制定计划；每月一次送教；一月、六月各一次总结。',
  personnel: '两园园长负责，骨干教师四人参加。',
  measures: '每月检查进度，学期末向区教育局报告。',
};

export async function seedAnnualReviews(db: PrismaClient, academicYear = 2025) {
  const tz = await cityTimeZone(db);
  const at = (day: string) => zonedToInstant(day, '10:00', tz);
  const admin = await db.user.findFirst({ where: { role: 'COUNTY_ADMIN', region: { code: 'JZ-QH' } }, select: { id: true } });
  const cycle = await db.cycle.findUnique({ where: { startYear: 2025 } });
  if (!admin || !cycle) return;
  const pairing = async (sup: string, ass: string) => {
    const p = await db.pairing.findFirst({
      where: { cycleId: cycle.id, supporting: { code: sup }, assisted: { code: ass } },
      include: {
        supporting: { select: { users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
        assisted: { select: { users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
      },
    });
    return p && { id: p.id, sup: p.supporting.users[0].id, ass: p.assisted.users[0].id };
  };
  const planSubmission = (by: string) => ({
    kind: 'PLAN' as const,
    number: 1,
    content: PLAN,
    submittedAt: at(`${academicYear}-08-25`),
    submittedById: by,
    outcome: 'FILED' as const,
    reviewedAt: at(`${academicYear}-09-05`),
    reviewedById: admin.id,
  });

  const returned = await pairing('QH-01', 'QH-04');
  if (returned) {
    const summary = '全年送教 20 课时，柳湾园教师全部参加跟岗学习。';
    await db.annualPlan.create({
      data: {
        pairingId: returned.id,
        academicYear,
        ...PLAN,
        summary,
        planSubmittedAt: at(`${academicYear}-08-25`),
        planSubmittedById: returned.sup,
        summarySubmittedAt: at(`${academicYear + 1}-08-20`),
        summarySubmittedById: returned.sup,
        planStatus: 'FILED',
        summaryStatus: 'RETURNED',
        updatedById: returned.sup,
        submissions: {
          create: [
            planSubmission(returned.sup),
            {
              kind: 'SUMMARY',
              number: 1,
              content: { summary },
              submittedAt: at(`${academicYear + 1}-08-20`),
              submittedById: returned.sup,
              outcome: 'RETURNED',
              reviewedAt: at(`${academicYear + 1}-08-28`),
              reviewedById: admin.id,
              reviewComment: '请补充送教课时的分月情况和教师成长的具体数据（优秀率、合格率）。',
            },
          ],
        },
        comments: {
          create: [
            {
              kind: 'SUMMARY',
              authorId: returned.ass,
              body: '建议写入我园教师参加跟岗学习的人数和带回的区域活动案例。',
              createdAt: at(`${academicYear + 1}-08-22`),
            },
            { kind: 'SUMMARY', authorId: admin.id, body: '数据请与效果检测中的课时一致。', createdAt: at(`${academicYear + 1}-08-28`) },
          ],
        },
      },
    });
  }

  const filed = await pairing('QH-02', 'QH-06');
  if (filed) {
    const first = '完成送教和跟岗学习。';
    const second = '全年送教 18 课时；白沙园 6 名教师跟岗学习，教学活动评价优秀率 30%、合格率 100%。';
    await db.annualPlan.create({
      data: {
        pairingId: filed.id,
        academicYear,
        ...PLAN,
        summary: second,
        planSubmittedAt: at(`${academicYear}-08-25`),
        planSubmittedById: filed.sup,
        summarySubmittedAt: at(`${academicYear + 1}-08-26`),
        summarySubmittedById: filed.sup,
        planStatus: 'FILED',
        summaryStatus: 'FILED',
        updatedById: filed.sup,
        submissions: {
          create: [
            planSubmission(filed.sup),
            {
              kind: 'SUMMARY',
              number: 1,
              content: { summary: first },
              submittedAt: at(`${academicYear + 1}-08-15`),
              submittedById: filed.sup,
              outcome: 'RETURNED',
              reviewedAt: at(`${academicYear + 1}-08-18`),
              reviewedById: admin.id,
              reviewComment: '总结过于简略，请写明课时和教师成长数据。',
            },
            {
              kind: 'SUMMARY',
              number: 2,
              content: { summary: second },
              submittedAt: at(`${academicYear + 1}-08-26`),
              submittedById: filed.sup,
              outcome: 'FILED',
              reviewedAt: at(`${academicYear + 1}-09-02`),
              reviewedById: admin.id,
            },
          ],
        },
      },
    });
  }
}
