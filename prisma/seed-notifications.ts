/**
 * Demo inboxes (issue 11): the events already in the demo data, told to the people they concern the way
 * the app tells them, through notify() (the recipient's language, their channel choices), dated when
 * the event happened; lines older than a few days are read. Runs last, after every other seed: it only
 * reads their records (and adds one lesson, below).
 *
 * The demo teacher of 江州市实验幼儿园 has no event of their own in the demo data: a lesson of theirs,
 * given this week and rated by their director, is added here.
 */
import type { PrismaClient } from '@/generated/prisma/client';
import { DEMO_ACCOUNTS } from '../tests/fixtures/demo-accounts';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { dateOnly, isoOf } from '../src/lib/time/date-only';
import { addDays } from '../src/lib/cycles/periods';
import { runningOn } from '../src/lib/pairings/record-window';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';
import type { NotificationEvent } from '../src/lib/notifications/notify';

const DAY = 86_400_000;
/** Lines about events older than this are shown as read. */
const READ_AFTER_DAYS = 5;
/** Per kind and kindergarten: a few lines make an inbox, dozens make noise. */
const PER_KIND = 3;

const earliest = (a: Date, b: Date) => (a < b ? a : b);

type Seeded = NotificationEvent & { at: Date; entityId: string; toldElsewhere?: boolean };

export async function seedNotifications(db: PrismaClient, now = new Date()) {
  // notify() is server code marked 'server-only'; outside Next that marker is replaced by an empty module.
  await import('../scripts/outside-next.mjs');
  const { notify } = await import('../src/lib/notifications/notify');
  const { directorsOf, officeAdmins, everyone } = await import('../src/lib/notifications/recipients');
  const { computeFigures } = await import('../src/lib/cycle-review/figures');
  const tz = await cityTimeZone(db);

  const byPhone = (phone: string) => db.user.findUnique({ where: { phone }, select: { id: true, kindergartenId: true } });
  const [urbanDirector, ruralDirector, teacher, ruralTeacher, otherDirector] = await Promise.all(
    [
      DEMO_ACCOUNTS.urbanDirector,
      DEMO_ACCOUNTS.ruralDirector,
      DEMO_ACCOUNTS.teacher,
      DEMO_ACCOUNTS.ruralTeacher,
      DEMO_ACCOUNTS.otherCountyDirector,
    ].map(byPhone),
  );
  if (!urbanDirector?.kindergartenId || !ruralDirector?.kindergartenId || !teacher || !ruralTeacher) return;
  const urbanKg = urbanDirector.kindergartenId;
  const kindergartens = [urbanDirector.kindergartenId, ruralDirector.kindergartenId, otherDirector?.kindergartenId].filter(
    (k): k is string => !!k,
  );

  const events: Seeded[] = [];
  await db.$transaction(async (tx) => {
    // The other side's answer to records these kindergartens logged.
    for (const kg of kindergartens) {
      const decided = await tx.activity.findMany({
        where: { recordingKindergartenId: kg, status: 'DONE', confirmation: { not: 'PENDING' }, confirmedAt: { not: null } },
        orderBy: { confirmedAt: 'desc' },
        take: PER_KIND,
        select: {
          id: true,
          title: true,
          startsAt: true,
          confirmation: true,
          confirmedAt: true,
          confirmedById: true,
          createdById: true,
          createdBy: true,
        },
      });
      for (const a of decided) {
        const creator = a.createdBy.kindergartenId === kg ? [a.createdById] : [];
        events.push({
          kind: a.confirmation === 'CONFIRMED' ? 'activity.confirmed' : 'activity.disputed',
          recipientIds: [...(await directorsOf(tx, [kg])), ...creator],
          actorId: a.confirmedById,
          href: `/activities/${a.id}`,
          entityType: 'Activity',
          entityId: a.id,
          values: { title: a.title },
          // The demo seeds stamp confirmations with the seed's own time: the other side answered the day after.
          at: earliest(a.confirmedAt!, new Date(a.startsAt.getTime() + DAY)),
        });
      }
      // Requests asked of the kindergarten as the supporting side, and answers to its own requests.
      const asked = await tx.assistanceRequest.findMany({
        where: { pairing: { supportingId: kg } },
        orderBy: { createdAt: 'desc' },
        take: PER_KIND,
        select: { id: true, title: true, createdAt: true, createdById: true },
      });
      for (const r of asked)
        events.push({
          kind: 'request.created',
          recipientIds: await directorsOf(tx, [kg]),
          actorId: r.createdById,
          href: `/requests#request-${r.id}`,
          entityType: 'AssistanceRequest',
          entityId: r.id,
          values: { title: r.title },
          at: r.createdAt,
        });
      const answered = await tx.assistanceRequest.findMany({
        where: { pairing: { assistedId: kg }, status: { not: 'OPEN' }, activities: { some: {} } },
        orderBy: { createdAt: 'desc' },
        take: PER_KIND,
        select: {
          id: true,
          title: true,
          activities: { orderBy: { createdAt: 'asc' }, take: 1, select: { id: true, createdAt: true, createdById: true } },
        },
      });
      for (const r of answered) {
        const a = r.activities[0];
        events.push({
          kind: 'request.answered',
          recipientIds: await directorsOf(tx, [kg]),
          actorId: a.createdById,
          href: `/activities/${a.id}`,
          entityType: 'Activity',
          entityId: a.id,
          values: { title: r.title },
          at: a.createdAt,
        });
      }
      // The bureau's review of the plans and summaries the kindergarten handed in.
      const reviewed = await tx.annualPlanSubmission.findMany({
        where: { annualPlan: { pairing: { supportingId: kg } }, outcome: { not: null }, reviewedAt: { not: null } },
        orderBy: { reviewedAt: 'desc' },
        take: PER_KIND,
        select: {
          id: true,
          kind: true,
          outcome: true,
          reviewedAt: true,
          reviewedById: true,
          annualPlan: { select: { id: true, pairingId: true, academicYear: true } },
        },
      });
      for (const s of reviewed) {
        const p = s.annualPlan;
        events.push({
          kind: s.outcome === 'FILED' ? 'annualPlan.filed' : 'annualPlan.returned',
          recipientIds: await directorsOf(tx, [kg]),
          actorId: s.reviewedById,
          href: `/annual-plans/${p.pairingId}/${p.academicYear}`,
          entityType: 'AnnualPlan',
          entityId: p.id,
          values: { year: `${p.academicYear}–${p.academicYear + 1}`, part: { key: `notifications.parts.${s.kind}` } },
          at: s.reviewedAt!,
        });
      }
    }

    // A lesson of the urban demo teacher's, given this week and rated by their director the next day.
    const given = localDate(new Date(now.getTime() - 3 * DAY), tz);
    const lesson = await tx.lessonRecord.create({
      data: {
        teacherId: teacher.id,
        kindergartenId: urbanKg,
        heldOn: dateOnly(given),
        className: '大一班',
        domain: 'LANGUAGE',
        title: '绘本阅读《小蝌蚪找妈妈》',
        plan: '1. 观察封面猜故事 2. 分段阅读 3. 表演 4. 续编结尾',
        reflection: '幼儿表演积极，续编环节时间不够。',
        rating: 'EXCELLENT',
        ratingComment: '提问层层递进，幼儿表达充分。',
        evaluatedById: urbanDirector.id,
        evaluatedAt: zonedToInstant(given, '16:30', tz),
      },
    });
    // Ratings of the demo teachers' lessons (the rural teacher's come from the activities and effects seeds).
    const rated = await tx.lessonRecord.findMany({
      where: { OR: [{ id: lesson.id }, { teacherId: ruralTeacher.id }], rating: { not: null }, evaluatedAt: { not: null } },
      orderBy: { evaluatedAt: 'desc' },
      take: PER_KIND + 1,
      select: { id: true, title: true, rating: true, teacherId: true, evaluatedById: true, evaluatedAt: true },
    });
    for (const l of rated)
      events.push({
        kind: 'lesson.rated',
        recipientIds: [l.teacherId],
        actorId: l.evaluatedById,
        href: `/lessons/${l.id}`,
        entityType: 'LessonRecord',
        entityId: l.id,
        values: { title: l.title, rating: { key: `teaching.ratings.${l.rating!}` } },
        at: l.evaluatedAt!,
      });

    // Supervision and commendation, as far as the other seeds made them: rectifications answered (to the
    // office that opened them), a commendation round and a bulletin published.
    const answers = await tx.rectificationAnswer.findMany({
      orderBy: { answeredAt: 'desc' },
      take: PER_KIND,
      select: {
        answeredAt: true,
        answeredById: true,
        rectification: { select: { id: true, officeCountyId: true, kindergarten: { select: { name: true } } } },
      },
    });
    for (const a of answers)
      events.push({
        kind: 'rectification.answered',
        recipientIds: await officeAdmins(tx, a.rectification.officeCountyId),
        actorId: a.answeredById,
        href: `/rectifications/${a.rectification.id}`,
        entityType: 'Rectification',
        entityId: a.rectification.id,
        values: { kindergarten: a.rectification.kindergarten.name },
        at: a.answeredAt,
        toldElsewhere: true,
      });
    // A published commendation round: those commended hear it (the person, the directors of the
    // kindergarten or of both sides of the pairing), as the round's publication tells them.
    const rounds = await tx.commendationRound.findMany({
      where: { status: 'PUBLISHED', publishedAt: { not: null } },
      orderBy: { publishedAt: 'desc' },
      take: 1,
      select: { id: true, title: true, publishedAt: true, createdById: true },
    });
    for (const r of rounds) {
      const approved = await tx.nomination.findMany({
        where: { category: { roundId: r.id }, status: 'APPROVED' },
        select: { userId: true, kindergartenId: true, pairingId: true },
      });
      const pairings = await tx.pairing.findMany({
        where: { id: { in: approved.flatMap((n) => (n.pairingId ? [n.pairingId] : [])) } },
        select: { supportingId: true, assistedId: true },
      });
      const kgs = [
        ...pairings.flatMap((p) => [p.supportingId, p.assistedId]),
        ...approved.flatMap((n) => (n.kindergartenId ? [n.kindergartenId] : [])),
      ];
      events.push({
        kind: 'commendation.published',
        recipientIds: [...approved.flatMap((n) => (n.userId ? [n.userId] : [])), ...(await directorsOf(tx, kgs))],
        actorId: r.createdById,
        href: `/commendations/${r.id}`,
        entityType: 'CommendationRound',
        entityId: r.id,
        values: { title: r.title },
        at: r.publishedAt!,
        toldElsewhere: true,
      });
    }
    // The current cycle's before-and-after (issue 14): the demo pairing's baseline, recorded by the urban
    // director this week and waiting for the rural director; another 清河区 pairing's, recorded by the city
    // and confirmed yesterday, which the city admin hears of.
    const city = await tx.user.findUnique({ where: { email: DEMO_ACCOUNTS.city }, select: { id: true } });
    const current = await tx.pairing.findMany({
      where: { ...runningOn(dateOnly(localDate(now, tz))), measurements: { none: {} } },
      orderBy: { startsOn: 'asc' },
      select: { id: true, assistedId: true, supportingId: true, startsOn: true, assisted: { select: { name: true, countyId: true } } },
    });
    const demoPair = current.find((p) => p.supportingId === urbanKg && p.assistedId === ruralDirector.kindergartenId);
    const cityPair = current.find((p) => p !== demoPair && p.assisted.countyId === demoPair?.assisted.countyId);
    const measure = async (
      p: (typeof current)[number],
      recordedById: string,
      recordedAt: Date,
      confirmed: { by: string; at: Date } | null,
    ) => {
      const measuredOn = addDays(isoOf(p.startsOn), 30);
      const m = await tx.cycleMeasurement.create({
        data: {
          pairingId: p.id,
          kind: 'BASELINE',
          measuredOn: dateOnly(measuredOn),
          figures: JSON.parse(JSON.stringify(await computeFigures(tx, p.assistedId, measuredOn, null))),
          standard: {
            conditions: { result: 'PARTLY', note: '' },
            management: { result: 'PARTLY', note: '' },
            teachers: { result: 'FAILS', note: '持证教师不足一半。' },
            children: { result: 'PARTLY', note: '' },
          },
          recordedById,
          createdAt: recordedAt,
          confirmedById: confirmed?.by,
          confirmedAt: confirmed?.at,
        },
      });
      const values = { kindergarten: p.assisted.name, kind: 'BASELINE' };
      const common = { href: `/pairings/${p.id}/review`, entityType: 'CycleMeasurement', entityId: m.id, values };
      events.push({
        kind: 'measurement.recorded',
        recipientIds: await directorsOf(tx, [p.assistedId]),
        actorId: recordedById,
        at: recordedAt,
        ...common,
      });
      if (confirmed)
        events.push({ kind: 'measurement.confirmed', recipientIds: [recordedById], actorId: confirmed.by, at: confirmed.at, ...common });
    };
    if (demoPair) await measure(demoPair, urbanDirector.id, new Date(now.getTime() - 2 * DAY), null);
    const cityPairDirector = cityPair && (await directorsOf(tx, [cityPair.assistedId]))[0];
    if (city && cityPair && cityPairDirector)
      await measure(cityPair, city.id, new Date(now.getTime() - 3 * DAY), { by: cityPairDirector, at: new Date(now.getTime() - DAY) });

    const bulletins = await tx.bulletin.findMany({
      where: { status: 'PUBLISHED', publishedAt: { not: null } },
      orderBy: { publishedAt: 'desc' },
      take: 1,
      select: { id: true, title: true, publishedAt: true, createdById: true },
    });
    for (const b of bulletins)
      events.push({
        kind: 'bulletin.published',
        recipientIds: await everyone(tx),
        actorId: b.createdById,
        href: `/bulletins/${b.id}`,
        entityType: 'Bulletin',
        entityId: b.id,
        values: { title: b.title },
        at: b.publishedAt!,
        toldElsewhere: true,
      });

    for (const { at: when, toldElsewhere, ...event } of events) {
      const at = earliest(when, now);
      const same = { kind: event.kind, entityId: event.entityId };
      const before = (await tx.notification.findMany({ where: same, select: { id: true } })).map((n) => n.id);
      // The supervision seeds may have gone through their commands, which tell people themselves: once is enough.
      if (toldElsewhere && before.length > 0) continue;
      if ((await notify(tx, event)) === 0) continue;
      const read = now.getTime() - at.getTime() > READ_AFTER_DAYS * DAY;
      await tx.notification.updateMany({
        where: { ...same, id: { notIn: before } },
        data: { createdAt: at, readAt: read ? new Date(at.getTime() + DAY) : null },
      });
    }
  });
}
