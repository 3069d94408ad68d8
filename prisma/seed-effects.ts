/**
 * Demo data for the effect tests: every current pairing gets the current semester's record up to
 * the seed run's date, varied so the dashboards show every status — pairings on track, one behind
 * on class hours (S2 at risk), one that skipped a monthly visit (S1 missed), unconfirmed, disputed
 * and cancelled activities, lesson ratings, papers, programmes, annual plans for most, and an
 * inspection or two. Deterministic for a given date (seeded PRNG); runs once (skipped when assessments exist).
 */
import type { PrismaClient } from '@/generated/prisma/client';
import type { ActivityType } from '@/generated/prisma/enums';
import { createActivity } from '../tests/fixtures/activity-factories';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';
import { dateOnly, isoOf } from '../src/lib/time/date-only';
import { addDays } from '../src/lib/cycles/periods';

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES: Partial<Record<ActivityType, string[]>> = {
  DAILY_OBSERVATION: ['观摩一日活动组织', '跟踪观察区域活动与生活环节', '回访一日活动改进情况'],
  SENT_DEMONSTRATION: ['送教下乡：大班科学示范课', '送教下乡：中班语言示范课', '送教下乡：小班音乐游戏示范课'],
  SENT_LECTURE: ['送教下乡：游戏化课程的组织', '送教下乡：观察记录的写法'],
  SENT_RESEARCH: ['送教下乡：同课异构教研', '送教下乡：区域材料投放教研'],
  SPECIAL_LECTURE: ['专题讲座：幼小衔接与去小学化', '专题讲座：家园共育的方法'],
  FOLLOW_UP_STUDY: ['骨干教师进城跟班学习一周', '青年教师跟班学习'],
  FELLOWSHIP: ['城乡教师联谊活动'],
  RESOURCE_SHARING: ['集体备课：主题活动方案'],
};
const full = {
  plan: '明确目标与分工。',
  measures: '骨干教师带队，提前沟通需求。',
  record: '按环节记录现场情况与问题。',
  summary: '形成改进建议，下次回访。',
};

/** Profiles cycle through the pairings so every status appears; the Qinghe QH-02 → QH-05 pairing is behind on hours. */
type Profile = 'good' | 'behindHours' | 'missedVisit' | 'mixed' | 'steady';
const PROFILES: Profile[] = ['good', 'behindHours', 'mixed', 'missedVisit', 'steady'];

export async function seedEffects(db: PrismaClient, now = new Date()) {
  const tz = await cityTimeZone(db);
  const today = localDate(now, tz);
  const semester = (await db.semester.findMany({ orderBy: { startsOn: 'desc' } })).find((s) => isoOf(s.startsOn) <= today);
  if (!semester) return;
  const semStart = isoOf(semester.startsOn);
  const semEnd = isoOf(semester.endsOn);
  const lastDone = addDays(today < semEnd ? today : addDays(semEnd, 1), -1);
  const yearSems = await db.semester.findMany({
    where: { cycleId: semester.cycleId, academicYear: semester.academicYear },
    orderBy: { startsOn: 'asc' },
  });
  const yearStart = isoOf(yearSems[0].startsOn);
  const pairings = await db.pairing.findMany({
    where: { cycleId: semester.cycleId, OR: [{ endsOn: null }, { endsOn: { gte: semester.startsOn } }] },
    include: {
      supporting: { select: { code: true, users: { where: { active: true }, select: { id: true, role: true } } } },
      assisted: { select: { code: true, users: { where: { active: true }, select: { id: true, role: true } } } },
    },
    orderBy: [{ supporting: { code: 'asc' } }, { assisted: { code: 'asc' } }],
  });
  const admin = await db.user.findFirst({ where: { role: 'COUNTY_ADMIN' }, select: { id: true } });

  // Seeded once: the inspections it writes mark that it ran.
  if ((await db.assessment.count()) > 0) return;
  for (const [i, p] of pairings.entries()) {
    const rand = prng(20260901 + i * 7919);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const profile: Profile = p.supporting.code === 'QH-02' && p.assisted.code === 'QH-05' ? 'behindHours' : PROFILES[i % PROFILES.length];
    const supDirector = p.supporting.users.find((u) => u.role === 'DIRECTOR')!;
    const assDirector = p.assisted.users.find((u) => u.role === 'DIRECTOR')!;
    const assTeachers = p.assisted.users.filter((u) => u.role === 'TEACHER');
    const pEnd = p.endsOn ? isoOf(p.endsOn) : null;
    const within = (d: string) => d >= semStart && d <= lastDone && (!pEnd || d <= pEnd);

    const log = async (
      type: ActivityType,
      date: string,
      o: {
        hours?: number;
        status?: 'DONE' | 'PLANNED' | 'CANCELLED';
        confirmation?: 'PENDING' | 'CONFIRMED' | 'DISPUTED';
        incomplete?: boolean;
        time?: string;
      } = {},
    ) => {
      const toSupporting = type === 'FOLLOW_UP_STUDY';
      const status = o.status ?? 'DONE';
      const confirmation = status === 'DONE' ? (o.confirmation ?? (rand() < 0.85 ? 'CONFIRMED' : 'PENDING')) : 'PENDING';
      const a = await createActivity(db, {
        pairingId: p.id,
        recordingKindergartenId: toSupporting ? p.assistedId : p.supportingId,
        createdById: toSupporting ? assDirector.id : supDirector.id,
        type,
        direction: toSupporting ? 'TO_SUPPORTING' : type === 'FELLOWSHIP' || type === 'RESOURCE_SHARING' ? 'JOINT' : 'TO_ASSISTED',
        targetArea: type === 'DAILY_OBSERVATION' ? 'MANAGEMENT' : 'TEACHERS',
        status: status === 'CANCELLED' ? 'PLANNED' : status,
        title: pick(TITLES[type] ?? ['帮扶活动']),
        startsAt: zonedToInstant(date, o.time ?? pick(['09:00', '09:30', '14:00', '14:30']), tz),
        classHours: o.hours ?? null,
        ...(status === 'DONE' ? (o.incomplete ? { ...full, summary: '' } : full) : { plan: full.plan }),
        confirmation,
        confirmedById: confirmation === 'PENDING' ? null : toSupporting ? supDirector.id : assDirector.id,
      });
      if (status === 'CANCELLED')
        await db.activity.update({ where: { id: a.id }, data: { status: 'CANCELLED', cancelReason: '天气原因，改期。' } });
      if (confirmation === 'DISPUTED')
        await db.activity.update({ where: { id: a.id }, data: { confirmationComment: '当天未到场，请核实。' } });
    };

    // S1: a visit in each month so far (the missed-visit profile skips the second month).
    for (let m = 0, d = semStart; d <= lastDone; m++) {
      const day = addDays(d, 5 + Math.floor(rand() * 15));
      if (within(day) && !(profile === 'missedVisit' && m === 1)) await log('DAILY_OBSERVATION', day);
      const [y, mo] = d.split('-').map(Number);
      d = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    }
    // S2: sent teaching every ~2 weeks (2 class hours), or only once when behind.
    const sendEvery = profile === 'behindHours' ? 90 : profile === 'missedVisit' ? 24 : 14;
    for (let d = addDays(semStart, 10); d <= lastDone; d = addDays(d, sendEvery)) {
      if (!within(d)) continue;
      await log(pick(['SENT_DEMONSTRATION', 'SENT_LECTURE', 'SENT_RESEARCH'] as ActivityType[]), d, {
        hours: pick([1.5, 2, 2]),
        incomplete: profile === 'missedVisit' && rand() < 0.5,
      });
    }
    // S4 and S3.
    const lectureDays = profile === 'good' || profile === 'steady' ? [30, 60] : [45];
    for (const off of lectureDays) if (within(addDays(semStart, off))) await log('SPECIAL_LECTURE', addDays(semStart, off), { hours: 1.5 });
    if (profile !== 'missedVisit' && within(addDays(semStart, 40))) await log('FOLLOW_UP_STUDY', addDays(semStart, 40));
    // Exceptions that must not count.
    if (profile === 'mixed') {
      await log('SENT_DEMONSTRATION', addDays(semStart, 20), { hours: 2, status: 'CANCELLED' });
      if (within(addDays(semStart, 33))) await log('SENT_RESEARCH', addDays(semStart, 33), { hours: 2, confirmation: 'DISPUTED' });
      if (within(addDays(semStart, 50))) await log('SENT_LECTURE', addDays(semStart, 50), { hours: 2, confirmation: 'PENDING' });
    }
    await log('FELLOWSHIP', addDays(semStart, 25), { status: within(addDays(semStart, 25)) ? 'DONE' : 'PLANNED' });
    // What is planned next.
    if (!pEnd || pEnd > today) {
      await log('SENT_DEMONSTRATION', addDays(today, 5 + (i % 5)), { hours: 2, status: 'PLANNED' });
      await log('SPECIAL_LECTURE', addDays(today, 12 + (i % 7)), { status: 'PLANNED' });
    }

    // The assisted kindergarten's year: lesson ratings, papers, programmes, plan, inspection.
    const ratings =
      profile === 'good'
        ? ['EXCELLENT', 'GOOD']
        : profile === 'behindHours'
          ? ['GOOD', 'FAIL']
          : profile === 'mixed'
            ? ['EXCELLENT', null]
            : ['PASS', 'GOOD'];
    for (const [k, t] of assTeachers.entries()) {
      const rating = ratings[k % ratings.length] as 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' | null;
      const heldOn = addDays(yearStart, 20 + k * 9);
      if (heldOn > lastDone) continue;
      await db.lessonRecord.create({
        data: {
          teacherId: t.id,
          kindergartenId: p.assistedId,
          heldOn: dateOnly(heldOn),
          className: pick(['大一班', '中二班', '小一班']),
          domain: pick(['HEALTH', 'LANGUAGE', 'SOCIAL', 'SCIENCE', 'ART'] as const),
          title: pick(['有趣的影子', '秋天的树叶', '我会整理', '小兔乖乖']),
          plan: '目标、准备、过程、延伸。',
          reflection: '幼儿参与积极。',
          ...(rating
            ? { rating, ratingComment: '评课意见。', evaluatedById: assDirector.id, evaluatedAt: zonedToInstant(heldOn, '16:00', tz) }
            : {}),
        },
      });
    }
    if (profile === 'good' || profile === 'steady') {
      const date = addDays(yearStart, 50);
      if (date <= lastDone && assTeachers[0]) {
        await db.paper.create({
          data: {
            authorId: assTeachers[0].id,
            kindergartenId: p.assistedId,
            title: '农村幼儿园户外游戏的组织策略',
            venue: '市教育学会',
            kind: 'AWARD',
            level: profile === 'good' ? 'MUNICIPAL' : 'PROVINCIAL',
            award: '二等奖',
            date: dateOnly(date),
            confirmedById: assDirector.id,
            confirmedAt: zonedToInstant(date, '17:00', tz),
          },
        });
      }
    }
    const kinds =
      profile === 'good'
        ? (['RESEARCH', 'PARENT_WORK', 'CHARACTERISTIC'] as const)
        : profile === 'steady' || profile === 'mixed'
          ? (['RESEARCH', 'PARENT_WORK'] as const)
          : (['RESEARCH'] as const);
    for (const kind of kinds) {
      const exists = await db.programme.findFirst({ where: { pairingId: p.id, kind, academicYear: semester.academicYear } });
      if (exists) continue;
      const prog = await db.programme.create({
        data: {
          pairingId: p.id,
          kindergartenId: p.assistedId,
          kind,
          academicYear: semester.academicYear,
          title: { RESEARCH: '乡土材料在区域活动中的运用', PARENT_WORK: '家长开放日与家长学校', CHARACTERISTIC: '民间游戏特色建设' }[kind],
          plan: '学年计划：每月一次。',
          results: profile === 'good' ? '形成案例集一本。' : '',
          createdById: assDirector.id,
        },
      });
      const held = addDays(yearStart, 35);
      if (held <= lastDone)
        await db.programmeRecord.create({
          data: { programmeId: prog.id, heldOn: dateOnly(held), title: '第一次活动', notes: '记录。', createdById: assDirector.id },
        });
    }
    if (
      profile !== 'missedVisit' &&
      !(await db.annualPlan.findUnique({ where: { pairingId_academicYear: { pairingId: p.id, academicYear: semester.academicYear } } }))
    ) {
      await db.annualPlan.create({
        data: {
          pairingId: p.id,
          academicYear: semester.academicYear,
          content: '送教、观摩、跟班学习、专题讲座。',
          goals: '提升保教质量。',
          methods: '示范引领、跟岗学习。',
          steps: '九月启动，每月推进，学期末总结。',
          personnel: '两园园长、骨干教师。',
          measures: '每月检查进度。',
          planSubmittedAt: zonedToInstant(addDays(yearStart, 10), '10:00', tz),
          planSubmittedById: supDirector.id,
          planStatus: 'SUBMITTED',
          updatedById: supDirector.id,
          // Awaiting the bureau's review: its version 1 as handed in.
          submissions: {
            create: {
              kind: 'PLAN',
              number: 1,
              content: {
                content: '送教、观摩、跟班学习、专题讲座。',
                goals: '提升保教质量。',
                methods: '示范引领、跟岗学习。',
                steps: '九月启动，每月推进，学期末总结。',
                personnel: '两园园长、骨干教师。',
                measures: '每月检查进度。',
              },
              submittedAt: zonedToInstant(addDays(yearStart, 10), '10:00', tz),
              submittedById: supDirector.id,
            },
          },
        },
      });
    }
    if (admin && (profile === 'good' || profile === 'behindHours') && addDays(yearStart, 60) <= lastDone) {
      await db.assessment.create({
        data: {
          pairingId: p.id,
          source: 'INSPECTION',
          outcome: profile === 'good' ? 'PASS' : 'FAIL',
          assessedOn: dateOnly(addDays(yearStart, 60)),
          notes: profile === 'good' ? '师资配齐，一日活动以游戏为主。' : '大班仍有书写作业，存在小学化倾向。',
          createdById: admin.id,
        },
      });
    }
  }
}
