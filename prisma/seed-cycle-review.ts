/**
 * The previous cycle (2023–2025) has ended (issue 14): its four semesters and two academic years are
 * closed with frozen results for every pairing; in 清河区 a few done and confirmed activities, a
 * recorded inspection, a mentor pair, a baseline and an end measurement of each assisted kindergarten,
 * and the advice and decisions at its rollover (two decided, 机关幼儿园 → 白沙镇幼儿园 left for the county
 * admin). Written directly, in a few statements; skipped when the cycle's first semester is closed.
 */
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { DEFAULT_THRESHOLDS } from '../src/lib/effect-tests/rules';
import { adviseRollover, DEFAULT_ADVICE_SETTINGS, semesterVerdict, type Figures, type Standard } from '../src/lib/cycle-review/rules';
import { addDays } from '../src/lib/cycles/periods';
import { dateOnly, isoOf } from '../src/lib/time/date-only';

const S_TESTS = ['S1', 'S2', 'S3', 'S4', 'S5'] as const;
const A_TESTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const;

/** The tests each 清河区 pairing missed, by period key; elsewhere a few misses spread by a fixed pattern. */
const MISSED: Record<string, Record<string, string[]>> = {
  // Met its obligations every semester; the rural side's lesson rate fell short in the first year.
  'QH-01>QH-04': { '2023': ['A2'] },
  // The supporting side fell behind in three semesters: the county changed the supporter.
  'QH-01>QH-05': { '2023-AUTUMN': ['S2', 'S4'], '2023-SPRING': ['S4'], '2024-SPRING': ['S1', 'S2'], '2023': ['A2', 'A6'], '2024': ['A6'] },
  // Improving, not at the standard yet.
  'QH-02>QH-06': { '2023-SPRING': ['S3'], '2023': ['A2', 'A5'], '2024': ['A2'] },
};

function missedElsewhere(pair: string, key: string, test: string) {
  let h = 0;
  for (const ch of `${pair}|${key}|${test}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 7 === 0;
}

function monthsOf(from: string, to: string) {
  const out: string[] = [];
  for (let d = from.slice(0, 7); d <= to.slice(0, 7);) {
    out.push(d);
    const [y, m] = d.split('-').map(Number);
    d = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}

/** A frozen result's figure, shaped as the live evaluation freezes it (src/lib/periods/freeze.ts). */
function figureFor(test: string, met: boolean, window: { from: string; to: string }) {
  switch (test) {
    case 'S1': {
      const months = monthsOf(window.from, window.to);
      const visited = met ? months.length : months.length - 2;
      return {
        value: visited,
        figure: {
          kind: 'months',
          visited,
          required: months.length,
          months: months.map((month, i) => ({ month, visited: i < visited, due: true })),
          unconfirmed: 0,
        },
      };
    }
    case 'S2':
      return { value: met ? 12 : 6, figure: { kind: 'hours', have: met ? 12 : 6, need: 10, unconfirmed: 0 } };
    case 'S3':
      return { value: met ? 1 : 0, figure: { kind: 'count', unit: 'stays', have: met ? 1 : 0, need: 1, unconfirmed: 0 } };
    case 'S4':
      return { value: met ? 2 : 1, figure: { kind: 'count', unit: 'lectures', have: met ? 2 : 1, need: 2, unconfirmed: 0 } };
    case 'S5':
      return { value: met ? 8 : 5, figure: { kind: 'docs', planSubmitted: met, done: 8, complete: met ? 8 : 5 } };
    case 'A1':
      return {
        value: null,
        figure: { kind: 'assessment', outcome: met ? 'PASS' : 'FAIL', on: addDays(window.to, -20), source: 'ATTESTATION' },
      };
    case 'A2':
      return {
        value: met ? 0.333 : 0.2,
        figure: {
          kind: 'rates',
          excellentRate: met ? 0.333 : 0.2,
          passRate: met ? 1 : 0.9,
          teachers: 6,
          notEvaluated: 0,
          excellentTarget: 0.3,
          passTarget: 1,
        },
      };
    case 'A6':
      return { value: met ? 1 : 0, figure: { kind: 'count', unit: 'papers', have: met ? 1 : 0, need: 1, unconfirmed: 0 } };
    default:
      return { value: met ? 4 : 1, figure: { kind: 'programme', hasPlan: true, records: met ? 4 : 1, hasResults: met } };
  }
}

const std = (c: string, m: string, t: string, ch: string, notes: [string, string, string, string]) =>
  ({
    conditions: { result: c, note: notes[0] },
    management: { result: m, note: notes[1] },
    teachers: { result: t, note: notes[2] },
    children: { result: ch, note: notes[3] },
  }) as Standard;

export async function seedCycleReview(db: PrismaClient) {
  const cycle = await db.cycle.findUnique({ where: { startYear: 2023 }, include: { semesters: { orderBy: { startsOn: 'asc' } } } });
  const city = await db.user.findFirst({ where: { role: 'CITY_ADMIN' }, select: { id: true } });
  const county = await db.user.findFirst({ where: { role: 'COUNTY_ADMIN', region: { code: 'JZ-QH' } }, select: { id: true } });
  if (!cycle || !city || !county || cycle.semesters.length !== 4) return;
  if (await db.closedPeriod.findUnique({ where: { key: '2023-AUTUMN' } })) return;

  // ---- closed periods and their frozen results ----
  const periods = [
    ...cycle.semesters.map((s) => ({
      key: `${s.academicYear}-${s.term}`,
      kind: 'SEMESTER' as const,
      academicYear: s.academicYear,
      term: s.term,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
    })),
    ...[cycle.startYear, cycle.startYear + 1].map((y) => {
      const sems = cycle.semesters.filter((s) => s.academicYear === y);
      return {
        key: String(y),
        kind: 'ACADEMIC_YEAR' as const,
        academicYear: y,
        term: null,
        startsOn: sems[0].startsOn,
        endsOn: sems[sems.length - 1].endsOn,
      };
    }),
  ];
  const closed = await Promise.all(
    periods.map((p) =>
      db.closedPeriod.create({
        data: {
          ...p,
          closedById: city.id,
          closedAt: new Date(dateOnly(addDays(isoOf(p.endsOn), p.kind === 'SEMESTER' ? 16 : 18)).getTime() + 2 * 3600_000),
        },
      }),
    ),
  );
  const pairings = await db.pairing.findMany({
    where: { cycleId: cycle.id },
    select: {
      id: true,
      supportingId: true,
      assistedId: true,
      supporting: { select: { code: true } },
      assisted: { select: { code: true } },
    },
  });
  const rows: (Prisma.FrozenResultCreateManyInput & { status: string })[] = [];
  for (const p of pairings) {
    const pair = `${p.supporting.code}>${p.assisted.code}`;
    for (const cp of closed) {
      const window = { from: isoOf(cp.startsOn), to: isoOf(cp.endsOn) };
      for (const test of cp.kind === 'SEMESTER' ? S_TESTS : A_TESTS) {
        const met = MISSED[pair] ? !(MISSED[pair][cp.key] ?? []).includes(test) : !missedElsewhere(pair, cp.key, test);
        const { value, figure } = figureFor(test, met, window);
        rows.push({
          closedPeriodId: cp.id,
          pairingId: p.id,
          test,
          status: met ? 'MET' : 'MISSED',
          value,
          detail: {
            figure,
            window,
            threshold: { ...DEFAULT_THRESHOLDS, effectiveFrom: null },
            confirmedOnly: false,
            evaluatedOn: isoOf(cp.closedAt),
          },
          counted: {},
        });
      }
    }
  }
  await db.frozenResult.createMany({ data: rows });

  // ---- 清河区: what the review pages show ----
  const byPair = (s: string, a: string) => pairings.find((p) => p.supporting.code === s && p.assisted.code === a);
  const liuwan = byPair('QH-01', 'QH-04');
  const shiqiao = byPair('QH-01', 'QH-05');
  const baisha = byPair('QH-02', 'QH-06');
  if (!liuwan || !shiqiao || !baisha) return;
  const directors = new Map(
    (
      await db.user.findMany({
        where: { role: 'DIRECTOR', kindergarten: { code: { in: ['QH-01', 'QH-02', 'QH-04', 'QH-05', 'QH-06'] } } },
        select: { id: true, kindergartenId: true },
      })
    ).map((u) => [u.kindergartenId!, u.id] as const),
  );
  const teachers = await db.user.findMany({
    where: { role: 'TEACHER', kindergartenId: { in: [liuwan.supportingId, liuwan.assistedId] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kindergartenId: true },
  });
  const at = (date: string, hour = 9) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const parts = (topic: string) => ({
    plan: `根据被帮扶园的要求，安排${topic}。`,
    measures: '提前一周与被帮扶园商定时间和内容，骨干教师备课并试讲。',
    record: `${topic}按计划进行，被帮扶园全体教师参加，课后集中评课。`,
    summary: '活动达到预期目标，下一步跟进教师的实践情况。',
  });
  const activities = [
    { p: liuwan, type: 'SENT_DEMONSTRATION', title: '送教下乡：大班科学活动《有趣的影子》', date: '2023-11-14', hours: 2 },
    { p: liuwan, type: 'SPECIAL_LECTURE', title: '专题讲座：幼儿园一日活动的组织与实施', date: '2024-04-18', hours: 2 },
    { p: liuwan, type: 'SENT_RESEARCH', title: '送教下乡：区域活动材料投放教研', date: '2024-10-22', hours: 3 },
    { p: liuwan, type: 'DONATION', title: '捐赠绘本和户外玩具', date: '2024-05-30', hours: null },
    { p: shiqiao, type: 'SENT_DEMONSTRATION', title: '送教下乡：中班语言活动《小猫钓鱼》', date: '2024-03-26', hours: 1.5 },
    { p: baisha, type: 'DAILY_OBSERVATION', title: '看一日活动组织：晨间活动与过渡环节', date: '2024-09-19', hours: null },
    { p: baisha, type: 'SPECIAL_LECTURE', title: '专题讲座：家园共育的方法', date: '2025-03-12', hours: 2 },
  ] as const;
  for (const a of activities) {
    const startsAt = at(a.date);
    const recorded = new Date(startsAt.getTime() + 2 * 86_400_000);
    await db.activity.create({
      data: {
        pairingId: a.p.id,
        type: a.type,
        direction: 'TO_ASSISTED',
        targetArea: a.type === 'DONATION' ? 'CONDITIONS' : 'TEACHERS',
        title: a.title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        location: '被帮扶园',
        classHours: a.hours,
        ...parts(a.title.replace(/^.*：/, '')),
        status: 'DONE',
        recordingKindergartenId: a.p.supportingId,
        createdById: directors.get(a.p.supportingId)!,
        confirmation: 'CONFIRMED',
        confirmedById: directors.get(a.p.assistedId)!,
        confirmedAt: new Date(recorded.getTime() + 86_400_000),
        createdAt: recorded,
        ...(a.type === 'DONATION'
          ? {
              receiptConfirmedById: directors.get(a.p.assistedId)!,
              receiptConfirmedAt: new Date(recorded.getTime() + 86_400_000),
              donationLines: {
                create: [
                  { position: 0, item: '绘本', quantity: 200, unit: '册', estimatedValue: 4000 },
                  { position: 1, item: '户外攀爬架', quantity: 1, unit: '套', estimatedValue: 8800 },
                ],
              },
            }
          : {}),
      },
    });
  }
  const mentor = teachers.find((t) => t.kindergartenId === liuwan.supportingId);
  const apprentice = teachers.find((t) => t.kindergartenId === liuwan.assistedId);
  if (mentor && apprentice)
    await db.mentorPair.create({
      data: {
        pairingId: liuwan.id,
        mentorId: mentor.id,
        apprenticeId: apprentice.id,
        goals: '一年内能独立设计并组织集体教学活动。',
        startsOn: dateOnly('2023-09-15'),
        endsOn: dateOnly('2025-07-31'),
        createdById: directors.get(liuwan.supportingId)!,
        sessions: {
          create: ['2023-10-12', '2024-03-07', '2024-11-05', '2025-04-15'].map((d, i) => ({
            heldOn: dateOnly(d),
            topic: ['说课与评课', '区域活动观察记录', '集体教学活动设计', '家长会的组织'][i],
            createdById: mentor.id,
          })),
        },
      },
    });
  await db.inspection.create({
    data: {
      pairingId: liuwan.id,
      officeCountyId: (await db.region.findUnique({ where: { code: 'JZ-QH' }, select: { id: true } }))?.id ?? null,
      inspectedOn: dateOnly('2025-05-20'),
      inspectors: '清河区教育局督导组',
      status: 'RECORDED',
      grade: 'GOOD',
      summary: '帮扶档案齐全，送教和跟班学习落实到位；被帮扶园保教质量明显提高。',
      recordedAt: at('2025-05-21', 16),
      createdById: county.id,
    },
  });

  // ---- baseline and end measurements, confirmed by the assisted director ----
  const kgs = new Map(
    (
      await db.kindergarten.findMany({
        where: { id: { in: [liuwan.assistedId, shiqiao.assistedId, baisha.assistedId] } },
        select: { id: true, childCount: true, teacherCount: true, classCount: true },
      })
    ).map((k) => [k.id, k] as const),
  );
  const figures = (kgId: string, o: Partial<Figures> & { teachersLess?: number }): Figures => {
    const k = kgs.get(kgId)!;
    const teachers = k.teacherCount - (o.teachersLess ?? 0);
    const { teachersLess: _, ...rest } = o;
    return {
      children: k.childCount,
      teachers,
      classes: k.classCount,
      staffingRatio: Math.round((k.childCount / teachers) * 10) / 10,
      qualifiedTeachers: null,
      excellentRate: null,
      passRate: null,
      teachersRated: 0,
      inspectionGrade: null,
      inspectedOn: null,
      testsYear: null,
      testsMet: 0,
      testsJudged: 0,
      ...rest,
    };
  };
  const PLAN: [typeof liuwan, Figures, Standard, Figures, Standard][] = [
    [
      liuwan,
      figures(liuwan.assistedId, {
        teachersLess: 3,
        qualifiedTeachers: 5,
        excellentRate: 0.1,
        passRate: 0.8,
        teachersRated: 10,
        inspectionGrade: 'PASS',
        inspectedOn: '2023-05-16',
      }),
      std('PARTLY', 'PARTLY', 'FAILS', 'PARTLY', [
        '户外场地不足，区角材料单一。',
        '制度不全，缺少保教常规检查记录。',
        '青年教师多，持证率低。',
        '大班仍有书写练习。',
      ]),
      figures(liuwan.assistedId, {
        qualifiedTeachers: 11,
        excellentRate: 0.385,
        passRate: 1,
        teachersRated: 13,
        inspectionGrade: 'GOOD',
        inspectedOn: '2025-05-20',
        testsYear: 2023,
        testsMet: 5,
        testsJudged: 6,
      }),
      std('MEETS', 'MEETS', 'MEETS', 'MEETS', [
        '新建户外游戏区，每班有图书角和美工区。',
        '保教、安全、卫生保健制度健全。',
        '两名教师获市级优质课奖。',
        '以游戏为基本活动，无小学化倾向。',
      ]),
    ],
    [
      shiqiao,
      figures(shiqiao.assistedId, {
        teachersLess: 2,
        qualifiedTeachers: 3,
        excellentRate: 0,
        passRate: 0.667,
        teachersRated: 6,
        inspectionGrade: 'FAIL',
        inspectedOn: '2023-06-08',
      }),
      std('FAILS', 'PARTLY', 'FAILS', 'PARTLY', ['活动室拥挤，玩具不足。', '', '教师流动大。', '']),
      figures(shiqiao.assistedId, {
        qualifiedTeachers: 5,
        excellentRate: 0.125,
        passRate: 0.875,
        teachersRated: 8,
        inspectionGrade: 'PASS',
        inspectedOn: '2025-04-10',
        testsYear: 2023,
        testsMet: 4,
        testsJudged: 6,
      }),
      std('MEETS', 'PARTLY', 'PARTLY', 'MEETS', ['添置了户外玩具。', '常规检查记录不全。', '送教课时不足，教师成长较慢。', '']),
    ],
    [
      baisha,
      figures(baisha.assistedId, {
        teachersLess: 1,
        qualifiedTeachers: 4,
        excellentRate: 0.111,
        passRate: 0.778,
        teachersRated: 9,
        inspectionGrade: 'PASS',
        inspectedOn: '2023-05-25',
      }),
      std('PARTLY', 'FAILS', 'PARTLY', 'PARTLY', ['', '缺少园务计划和总结。', '', '']),
      figures(baisha.assistedId, {
        qualifiedTeachers: 7,
        excellentRate: 0.2,
        passRate: 0.909,
        teachersRated: 11,
        inspectionGrade: 'PASS',
        inspectedOn: '2025-06-03',
        testsYear: 2023,
        testsMet: 4,
        testsJudged: 6,
      }),
      std('MEETS', 'PARTLY', 'PARTLY', 'PARTLY', ['', '制度已建立，执行还不到位。', '优课率仍低于 30%。', '家园活动形式单一。']),
    ],
  ];
  for (const [p, before, beforeStd, after, afterStd] of PLAN) {
    const assistedDirector = directors.get(p.assistedId)!;
    await db.cycleMeasurement.createMany({
      data: [
        {
          pairingId: p.id,
          kind: 'BASELINE',
          measuredOn: dateOnly('2023-09-15'),
          figures: before,
          standard: beforeStd,
          recordedById: county.id,
          confirmedById: assistedDirector,
          confirmedAt: at('2023-09-20', 10),
          createdAt: at('2023-09-18', 15),
        },
        {
          pairingId: p.id,
          kind: 'END',
          measuredOn: dateOnly('2025-07-10'),
          figures: after,
          standard: afterStd,
          recordedById: directors.get(p.supportingId)!,
          confirmedById: assistedDirector,
          confirmedAt: at('2025-07-16', 10),
          createdAt: at('2025-07-14', 15),
        },
      ],
    });
  }

  // ---- the advice at rollover, as the rules gave it, and the county's decisions ----
  const decided = at('2025-08-20', 10);
  const adviceOf = (pairingId: string, grade: Figures['inspectionGrade'], endStandard: Standard) => {
    const verdicts = cycle.semesters.flatMap((s) => {
      const key = `${s.academicYear}-${s.term}`;
      const tests = rows
        .filter(
          (r) =>
            r.pairingId === pairingId &&
            (r.closedPeriodId === closed.find((c) => c.key === key)!.id ||
              (s.term === 'SPRING' && r.closedPeriodId === closed.find((c) => c.key === String(s.academicYear))!.id)),
        )
        .map((r) => ({ test: r.test, status: r.status }));
      const v = semesterVerdict(tests);
      return v ? [v] : [];
    });
    return adviseRollover(
      { semesters: verdicts, endStandard, grade, overdueRectifications: 0, questionedRecords: 0 },
      DEFAULT_ADVICE_SETTINGS,
    );
  };
  const forLiuwan = adviceOf(liuwan.id, 'GOOD', PLAN[0][4]);
  const forShiqiao = adviceOf(shiqiao.id, 'PASS', PLAN[1][4]);
  await db.rolloverAdvice.createMany({
    data: [
      {
        pairingId: liuwan.id,
        advice: forLiuwan.advice,
        reasons: forLiuwan.reasons,
        computedAt: decided,
        decision: 'CONTINUE',
        decisionNote: '柳湾镇中心幼儿园已达到市级优质园标准，继续结对一个周期，巩固成果并带动周边村园，下周期末再评估结业。',
        decidedById: county.id,
        decidedAt: decided,
      },
      {
        pairingId: shiqiao.id,
        advice: forShiqiao.advice,
        reasons: forShiqiao.reasons,
        computedAt: decided,
        decision: forShiqiao.advice,
        decisionNote: '实验幼儿园同时帮扶两所园，力量不足；石桥乡幼儿园改由机关幼儿园帮扶。',
        decidedById: county.id,
        decidedAt: decided,
      },
    ],
  });
}
