/**
 * Demo data for activities and teachers' records: the pairing 江州市实验幼儿园 (QH-01) →
 * 清河区柳湾镇中心幼儿园 (QH-04) in the current cycle (created here if the pairings seed has not
 * made it) and a few varied records of the current semester. Idempotent: a pairing that already
 * has activities is left alone.
 */
import type { PrismaClient } from '@/generated/prisma/client';
import { DEMO_ACCOUNTS } from '../tests/fixtures/demo-accounts';
import { createActivity, createPairing, ensureCycle } from '../tests/fixtures/activity-factories';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { academicYearOf, dateOnly } from '../src/lib/time/date-only';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';

const DAY = 86_400_000;

export async function seedActivities(db: PrismaClient, now = new Date()) {
  const tz = await cityTimeZone(db);
  /** 09:00 in the city on the day `days` from now. */
  const at = (now: Date, days: number, hour = 9) =>
    zonedToInstant(localDate(new Date(now.getTime() + days * DAY), tz), `${String(hour).padStart(2, '0')}:00`, tz);
  const [urban, rural] = await Promise.all([
    db.kindergarten.findUnique({ where: { code: 'QH-01' } }),
    db.kindergarten.findUnique({ where: { code: 'QH-04' } }),
  ]);
  if (!urban || !rural) return;
  let pairing = await db.pairing.findFirst({ where: { supportingId: urban.id, assistedId: rural.id }, orderBy: { startsOn: 'desc' } });
  if (!pairing) {
    const cycle = await ensureCycle(db, 2025);
    pairing = await createPairing(db, {
      cycleId: cycle.id,
      supportingId: urban.id,
      assistedId: rural.id,
      startsOn: new Date('2025-09-01T00:00:00Z'),
    });
  }
  if ((await db.activity.count({ where: { pairingId: pairing.id } })) > 0) return;

  const byPhone = (phone: string) => db.user.findUniqueOrThrow({ where: { phone } });
  const [urbanDirector, ruralDirector, teacher, ruralTeacher] = await Promise.all([
    byPhone(DEMO_ACCOUNTS.urbanDirector),
    byPhone(DEMO_ACCOUNTS.ruralDirector),
    byPhone(DEMO_ACCOUNTS.teacher),
    byPhone(DEMO_ACCOUNTS.ruralTeacher),
  ]);
  const fromUrban = { pairingId: pairing.id, recordingKindergartenId: urban.id, createdById: urbanDirector.id };

  await createActivity(db, {
    ...fromUrban,
    type: 'DAILY_OBSERVATION',
    direction: 'TO_ASSISTED',
    targetArea: 'MANAGEMENT',
    status: 'DONE',
    title: '观摩柳湾镇中心幼儿园一日活动组织',
    startsAt: at(now, -40),
    location: '柳湾镇中心幼儿园',
    plan: '全天跟班观察入园、集体教学、区域活动、午睡与离园环节。',
    measures: '两位骨干教师分班观察，现场记录，当天反馈。',
    record: '上午集体教学时间偏长，区域材料投放不足；午睡环节组织有序。',
    summary: '建议减少集体教学时长，增加区域游戏；下月回访区域材料。',
    participantIds: [urbanDirector.id, teacher.id, ruralDirector.id],
    confirmation: 'CONFIRMED',
    confirmedById: ruralDirector.id,
  });
  await createActivity(db, {
    ...fromUrban,
    type: 'SENT_LECTURE',
    direction: 'TO_ASSISTED',
    targetArea: 'TEACHERS',
    status: 'DONE',
    title: '送教下乡：幼儿园区域活动的创设与指导',
    startsAt: at(now, -20, 14),
    location: '柳湾镇中心幼儿园多功能厅',
    classHours: 2,
    plan: '讲座 + 现场答疑。',
    record: '全园 12 位教师参加，围绕区域材料投放提问踊跃。',
    participantIds: [teacher.id, ruralTeacher.id],
  });
  await createActivity(db, {
    ...fromUrban,
    type: 'DONATION',
    direction: 'TO_ASSISTED',
    targetArea: 'CONDITIONS',
    status: 'DONE',
    title: '捐赠绘本和区域活动材料',
    startsAt: at(now, -10, 10),
    location: '柳湾镇中心幼儿园',
    record: '当面清点交接。',
    summary: '补充了图书角和建构区材料。',
    donationLines: [
      { item: '绘本', quantity: 200, unit: '册', estimatedValue: 4000 },
      { item: '建构积木', quantity: 6, unit: '套', estimatedValue: 1800 },
    ],
  });
  const request = await db.assistanceRequest.create({
    data: {
      pairingId: pairing.id,
      kind: 'LECTURE_TOPIC',
      title: '幼小衔接中如何避免小学化倾向',
      details: '希望结合大班一日活动安排来讲。',
      status: 'ANSWERED',
      createdById: ruralDirector.id,
    },
  });
  const answer = await createActivity(db, {
    ...fromUrban,
    type: 'SPECIAL_LECTURE',
    direction: 'TO_ASSISTED',
    targetArea: 'TEACHERS',
    status: 'PLANNED',
    title: '专题讲座：幼小衔接与去小学化',
    startsAt: at(now, 7, 14),
    location: '柳湾镇中心幼儿园',
    classHours: 1.5,
    plan: '结合大班一日活动案例，讲解幼小衔接的做法。',
  });
  await db.activity.update({ where: { id: answer.id }, data: { requestId: request.id } });
  await createActivity(db, {
    pairingId: pairing.id,
    recordingKindergartenId: rural.id,
    createdById: ruralDirector.id,
    type: 'CHILDREN_EXCHANGE',
    direction: 'JOINT',
    targetArea: 'CHILDREN',
    status: 'PLANNED',
    title: '城乡幼儿互赠书画',
    startsAt: at(now, 20, 10),
    location: '江州市实验幼儿园',
    childCount: 40,
  });
  // Teachers' records: a master–apprentice pair with a session, lessons (one rated), a paper, a programme.
  const mentorPair = await db.mentorPair.create({
    data: {
      pairingId: pairing.id,
      mentorId: teacher.id,
      apprenticeId: ruralTeacher.id,
      goals: '一学年内独立组织好区域活动，上一节县级公开课。',
      startsOn: new Date('2025-09-01T00:00:00Z'),
      createdById: urbanDirector.id,
    },
  });
  await db.mentorSession.create({
    data: {
      mentorPairId: mentorPair.id,
      heldOn: at(now, -15),
      topic: '磨课：大班科学《沉与浮》',
      notes: '第一次试教，提问过多，幼儿操作时间不足。',
      createdById: teacher.id,
    },
  });
  const day = (days: number) => dateOnly(localDate(at(now, days), tz));
  await db.lessonRecord.create({
    data: {
      teacherId: ruralTeacher.id,
      kindergartenId: rural.id,
      heldOn: day(-12),
      className: '大一班',
      domain: 'SCIENCE',
      title: '沉与浮',
      plan: '1. 猜想 2. 操作 3. 记录 4. 分享',
      reflection: '幼儿操作积极，记录表设计偏难。',
      rating: 'GOOD',
      ratingComment: '目标清楚，操作充分。',
      evaluatedById: teacher.id,
      evaluatedAt: at(now, -11),
    },
  });
  await db.lessonRecord.create({
    data: {
      teacherId: teacher.id,
      kindergartenId: urban.id,
      heldOn: day(-20),
      className: '中二班',
      domain: 'ART',
      title: '有趣的线条',
      plan: '欣赏、尝试、创作。',
      reflection: '',
    },
  });
  await db.paper.create({
    data: {
      authorId: ruralTeacher.id,
      kindergartenId: rural.id,
      title: '农村幼儿园区域活动中乡土材料的运用',
      venue: '江州市教育学会',
      kind: 'AWARD',
      level: 'MUNICIPAL',
      award: '二等奖',
      date: day(-30),
    },
  });
  const programme = await db.programme.create({
    data: {
      pairingId: pairing.id,
      kindergartenId: rural.id,
      kind: 'RESEARCH',
      academicYear: academicYearOf(localDate(now, tz)),
      title: '乡土材料在区域活动中的运用',
      plan: '每月一次专题教研，学期末展示。',
      createdById: ruralDirector.id,
    },
  });
  await db.programmeRecord.create({
    data: {
      programmeId: programme.id,
      heldOn: day(-25),
      title: '第一次专题教研：收集乡土材料',
      notes: '确定稻草、竹筒、石子等材料。',
      createdById: ruralDirector.id,
    },
  });

  await db.assistanceRequest.create({
    data: {
      pairingId: pairing.id,
      kind: 'ITEM',
      title: '户外体育器械（平衡木、钻爬架）',
      details: '现有器械老化，大班户外活动不够用。',
      createdById: ruralDirector.id,
    },
  });
}
