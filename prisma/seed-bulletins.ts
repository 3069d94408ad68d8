/**
 * A closed period and its bulletin (issue 10, decision 020): the ended spring semester 2026 is closed
 * with every pairing's results frozen by the real evaluation, and the city has published a bulletin on
 * it. 江州市实验幼儿园 → 柳湾镇中心幼儿园 kept a full spring record (every S test met; its spring
 * inspection graded 良好), so the bulletin has something to say beyond the tests missed. Autumn 2025
 * stays open: the browser test closes it. Runs once (skipped when a bulletin exists).
 */
import type { PrismaClient } from '@/generated/prisma/client';
import type { ActivityType } from '@/generated/prisma/enums';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';
import { dateOnly, isoOf } from '../src/lib/time/date-only';
import { addDays } from '../src/lib/cycles/periods';

const FULL = {
  plan: '按帮扶计划安排，提前与柳湾园沟通需求。',
  measures: '骨干教师带队，分工到人。',
  record: '记录活动过程与现场问题。',
  summary: '形成改进建议，下次回访跟进。',
};

const BODY = [
  '各县（区）教育局，各结对幼儿园：',
  '2025—2026学年春季学期已经结束，市教育局对全市城乡幼儿园结对帮扶工作进行了效果检测，现将结果通报如下。',
  '从检测情况看，多数结对按计划开展了送教下乡、跟班学习和专题讲座，江州市实验幼儿园帮扶柳湾镇中心幼儿园的各项检测全部达标，帮扶过程记录完整。但也有部分结对每月看一日活动不到位、送教课时不足，个别幼儿园整改逾期未完成。',
  '请各县（区）教育局对照通报，督促“需改进”的结对于下学期开学一个月内制定改进措施，逾期整改事项限期完成；对拟表彰的结对，请在学年末推荐评优时统筹考虑。',
].join('\n\n');

export async function seedBulletins(db: PrismaClient, now = new Date()) {
  if ((await db.bulletin.count()) > 0) return;
  const tz = await cityTimeZone(db);
  const today = localDate(now, tz);
  const grace = (await db.citySetting.findFirst({ select: { closingGraceDays: true } }))?.closingGraceDays ?? 14;
  // The latest spring that may be closed: ended, and its grace days passed.
  const spring = (await db.semester.findMany({ where: { term: 'SPRING' }, orderBy: { endsOn: 'desc' } })).find(
    (s) => addDays(isoOf(s.endsOn), grace + 1) <= today,
  );
  const admin = await db.user.findFirst({ where: { role: 'CITY_ADMIN' }, select: { id: true, role: true } });
  if (!spring || !admin) return;
  if (await db.closedPeriod.findUnique({ where: { key: `${spring.academicYear}-SPRING` } })) return;

  await seedSpringRecord(db, tz, isoOf(spring.startsOn), isoOf(spring.endsOn));

  // App modules are marked server-only: load them the way `npm run worker` does.
  await import('../scripts/outside-next.mjs');
  const { computeFrozen, periodSpan } = await import('../src/lib/periods/freeze');
  const { computeContent } = await import('../src/lib/bulletins/queries');
  const period = { kind: 'SEMESTER' as const, academicYear: spring.academicYear, term: 'SPRING' as const };
  const span = (await periodSpan(db, period))!;
  // Closed on the first day it could be, published a week later (never after the seed's own day).
  const closedAt = zonedToInstant(addDays(span.endsOn, grace + 1), '10:00', tz);
  const publishedAt = new Date(Math.min(closedAt.getTime() + 7 * 86_400_000, now.getTime()));
  const actor = { id: admin.id, role: admin.role, kindergartenId: null, countyId: null };
  const rows = await computeFrozen(db, actor, period, closedAt);
  const closed = await db.closedPeriod.create({
    data: {
      key: `${spring.academicYear}-SPRING`,
      kind: 'SEMESTER',
      academicYear: spring.academicYear,
      term: 'SPRING',
      startsOn: dateOnly(span.startsOn),
      endsOn: dateOnly(span.endsOn),
      closedAt,
      closedById: admin.id,
      results: {
        createMany: {
          data: rows.map((r) => ({
            pairingId: r.pairingId,
            test: r.test,
            status: r.status,
            value: r.value,
            detail: JSON.parse(JSON.stringify(r.detail)),
            counted: r.counted,
          })),
        },
      },
    },
  });
  const content = await computeContent(db, closed.id, publishedAt);
  await db.bulletin.create({
    data: {
      closedPeriodId: closed.id,
      title: `${spring.academicYear}—${spring.academicYear + 1}学年春季学期城乡幼儿园结对帮扶工作通报`,
      body: BODY,
      status: 'PUBLISHED',
      content,
      publishedAt,
      createdById: admin.id,
      createdAt: closedAt,
    },
  });
}

/** The demo directors' pairing logged its whole spring: a visit every month, 10 class hours, two lectures, one stay. */
async function seedSpringRecord(db: PrismaClient, tz: string, from: string, to: string) {
  const pairing = await db.pairing.findFirst({
    where: { supporting: { code: 'QH-01' }, assisted: { code: 'QH-04' }, cycle: { semesters: { some: { startsOn: dateOnly(from) } } } },
    include: {
      supporting: { select: { users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
      assisted: { select: { users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
    },
  });
  if (!pairing) return;
  const [sup, ass] = [pairing.supporting.users[0]?.id, pairing.assisted.users[0]?.id];
  if (!sup || !ass) return;
  const [y0, m0] = from.split('-').map(Number);
  const months = Array.from(
    { length: 6 },
    (_, i) => `${y0 + Math.floor((m0 - 1 + i) / 12)}-${String(((m0 - 1 + i) % 12) + 1).padStart(2, '0')}`,
  );
  const plan: [ActivityType, string, string, number | null][] = [
    ...months.map((m): [ActivityType, string, string, number | null] => ['DAILY_OBSERVATION', `${m}-12`, '观摩一日活动组织', null]),
    ...months
      .slice(0, 5)
      .map((m): [ActivityType, string, string, number | null] => ['SENT_DEMONSTRATION', `${m}-20`, '送教下乡：示范课', 2]),
    ['SPECIAL_LECTURE', `${months[1]}-08`, '专题讲座：幼小衔接与去小学化', null],
    ['SPECIAL_LECTURE', `${months[3]}-08`, '专题讲座：家园共育的方法', null],
    ['FOLLOW_UP_STUDY', `${months[2]}-16`, '骨干教师进城跟班学习一周', null],
  ];
  const direction = {
    DAILY_OBSERVATION: 'TO_ASSISTED',
    SENT_DEMONSTRATION: 'TO_ASSISTED',
    SPECIAL_LECTURE: 'TO_ASSISTED',
    FOLLOW_UP_STUDY: 'TO_SUPPORTING',
  } as const;
  for (const [type, day, title, hours] of plan) {
    if (day < from || day > to) continue;
    const startsAt = zonedToInstant(day, '09:30', tz);
    const byAssisted = type === 'FOLLOW_UP_STUDY';
    await db.activity.create({
      data: {
        pairingId: pairing.id,
        type,
        direction: direction[type as keyof typeof direction],
        targetArea: 'TEACHERS',
        title,
        startsAt,
        location: byAssisted ? '江州市实验幼儿园' : '清河区柳湾镇中心幼儿园',
        classHours: hours,
        ...FULL,
        status: 'DONE',
        recordingKindergartenId: byAssisted ? pairing.assistedId : pairing.supportingId,
        createdById: byAssisted ? ass : sup,
        confirmation: 'CONFIRMED',
        confirmedById: byAssisted ? sup : ass,
        confirmedAt: new Date(startsAt.getTime() + 2 * 86_400_000),
        // Logged the same day: no "entered long after" signal for these.
        createdAt: new Date(startsAt.getTime() + 6 * 3_600_000),
      },
    });
  }
}
