import 'server-only';
import { runningOn } from '@/lib/pairings/record-window';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { PAIRING_SCOPE, pairingResource, rectificationResource, sideResource, type Actor } from '@/lib/authz';
import { statusRows } from '@/lib/annual-plans/queries';
import { COUNTED_TYPES, evaluatePairings, resolvePeriod } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';
import { addDays } from '@/lib/cycles/periods';
import { AWAITING_KINDERGARTEN, shortText } from '@/lib/rectifications/rules';
import { cityTimeZone } from '@/lib/time/city-zone';
import { dateOnly, isoOf, type IsoDate } from '@/lib/time/date-only';
import { localDate, monthRange } from '@/lib/time/zoned';
import { appUrl, mailSettings } from '@/lib/mail/settings';
import { deliverReminders, RECIPIENT_SELECT, toRecipient, type DeliverOptions, type Recipient, type ReminderItem } from './deliver';
import {
  classHoursNoticeDue,
  daysLeft,
  daysWaited,
  planOccasion,
  rectificationOccasion,
  RECTIFICATION_NOTICE_DAYS,
  visitReminderMonth,
  waitingCutoff,
} from './rules';

export type CheckOptions = Partial<DeliverOptions> & {
  now?: Date;
  /** Only records of these counties (a test's own world); unset = the whole city. */
  countyIds?: string[];
};

export type CheckRun = { today: IsoDate; items: number; recipients: number; told: number; inApp: number; mailed: number };

/** Who reads whole-city figures for the checks: every rule below picks its recipients itself. */
const CITY: Actor = { id: 'reminder-checks', role: 'CITY_ADMIN', kindergartenId: null, countyId: null };

type Context = { db: Db; now: Date; today: IsoDate; day: Date; timeZone: string; pairings: Prisma.PairingWhereInput; countyIds?: string[] };
type Addressed = { to: Recipient; item: ReminderItem };

/**
 * Every scheduled reminder rule, once, for the city's today: each check lists (person, item) pairs
 * from the records, the pairs are grouped per person, and each person's are delivered in one
 * transaction (deliver.ts). Safe to run any number of times and from several workers at once.
 */
export async function runReminderChecks(db: Db, options: CheckOptions = {}): Promise<CheckRun> {
  const now = options.now ?? new Date();
  const timeZone = await cityTimeZone(db);
  const today = localDate(now, timeZone);
  const counties = options.countyIds;
  const ctx: Context = {
    db,
    now,
    today,
    day: dateOnly(today),
    timeZone,
    countyIds: counties,
    pairings: counties ? { OR: [{ supporting: { countyId: { in: counties } } }, { assisted: { countyId: { in: counties } } }] } : {},
  };
  const rules = { visits, requests, confirmations, annualPlans, rectifications, classHours };
  const settled = await Promise.allSettled(Object.values(rules).map((rule) => rule(ctx)));
  const found = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));

  const byPerson = new Map<string, { to: Recipient; items: ReminderItem[] }>();
  for (const { to, item } of found) {
    const entry = byPerson.get(to.id) ?? { to, items: [] };
    entry.items.push(item);
    byPerson.set(to.id, entry);
  }
  const deliver: DeliverOptions = { mail: options.mail === undefined ? mailSettings() : options.mail, appUrl: options.appUrl ?? appUrl() };
  const run: CheckRun = { today, items: found.length, recipients: byPerson.size, told: 0, inApp: 0, mailed: 0 };
  // One person at a time: each is a short transaction, and a failure for one leaves the others told.
  const errors: string[] = [];
  for (const { to, items } of byPerson.values()) {
    try {
      const d = await deliverReminders(db, to, items, deliver);
      if (d.fresh > 0) run.told += 1;
      run.inApp += d.inApp;
      run.mailed += d.mailed;
    } catch (e) {
      errors.push(`delivery to ${to.id}: ${String((e as Error)?.message ?? e)}`);
    }
  }
  // A rule that failed (a query, a bug) held back nobody else's reminders. The job fails after them and
  // its retry runs every rule again, the people already told skipped by their occasions.
  Object.keys(rules).forEach((name, i) => {
    const r = settled[i];
    if (r.status === 'rejected') errors.push(`${name}: ${String((r.reason as Error)?.message ?? r.reason)}`);
  });
  if (errors.length) throw new Error(`reminder checks incomplete: ${errors.join(' | ')}`);
  return run;
}

// ---- recipients ----

async function directorsOf(db: Db, kindergartenIds: string[]): Promise<Map<string, Recipient[]>> {
  const rows = kindergartenIds.length
    ? await db.user.findMany({
        where: { role: 'DIRECTOR', active: true, kindergartenId: { in: [...new Set(kindergartenIds)] } },
        select: RECIPIENT_SELECT,
      })
    : [];
  const map = new Map<string, Recipient[]>();
  for (const r of rows) map.set(r.kindergartenId!, [...(map.get(r.kindergartenId!) ?? []), toRecipient(r)]);
  return map;
}

/** The admins of each office: a county's admins by its id, the city's under null. */
async function officeAdminsOf(db: Db, countyIds: (string | null)[]): Promise<Map<string | null, Recipient[]>> {
  const counties = [...new Set(countyIds.filter((c): c is string => c != null))];
  const rows = await db.user.findMany({
    where: {
      active: true,
      OR: [
        ...(countyIds.includes(null) ? [{ role: 'CITY_ADMIN' as const }] : []),
        ...(counties.length ? [{ role: 'COUNTY_ADMIN' as const, regionId: { in: counties } }] : []),
      ],
    },
    select: RECIPIENT_SELECT,
  });
  const map = new Map<string | null, Recipient[]>();
  for (const r of rows) {
    const office = r.role === 'CITY_ADMIN' ? null : r.regionId;
    map.set(office, [...(map.get(office) ?? []), toRecipient(r)]);
  }
  return map;
}

function address(people: Recipient[] | undefined, item: ReminderItem): Addressed[] {
  return (people ?? []).map((to) => ({ to, item }));
}

/** A pairing still at work: started, not ended, in a cycle that has not ended. */
function live(ctx: Context): Prisma.PairingWhereInput {
  return {
    AND: [ctx.pairings, runningOn(ctx.day)],
  };
}

// ---- the rules ----

/**
 * S1 from the 20th: running pairings with no counted visit yet in the city's month (the to-do list's
 * rule: DONE, not disputed, of S1's types), during a semester; the supporting directors are told.
 */
async function visits(ctx: Context): Promise<Addressed[]> {
  const month = visitReminderMonth(ctx.today);
  if (!month) return [];
  const range = monthRange(month, ctx.timeZone);
  const s1 = COUNTED_TYPES.S1;
  const pairings = await ctx.db.pairing.findMany({
    where: {
      AND: [
        live(ctx),
        { cycle: { semesters: { some: { startsOn: { lte: ctx.day }, endsOn: { gte: ctx.day } } } } },
        {
          activities: {
            none: {
              type: { in: [...s1.types] },
              direction: s1.direction,
              status: 'DONE',
              confirmation: { not: 'DISPUTED' },
              startsAt: { gte: range.from, lt: range.to },
            },
          },
        },
      ],
    },
    select: PAIRING_SCOPE,
  });
  const directors = await directorsOf(
    ctx.db,
    pairings.map((p) => p.supportingId),
  );
  return pairings.flatMap((p) =>
    address(directors.get(p.supportingId), {
      kind: 'reminder.visit',
      occasion: `visit:${month}:${p.id}`,
      href: `/activities/new?pairing=${p.id}&type=DAILY_OBSERVATION`,
      entityType: 'Pairing',
      entityId: p.id,
      values: { kindergarten: p.assisted.name, month },
      permission: 'activity.create',
      resource: pairingResource(p),
    }),
  );
}

/** Requests still open after WAITING_DAYS city days: the supporting directors, who answer them. */
async function requests(ctx: Context): Promise<Addressed[]> {
  const rows = await ctx.db.assistanceRequest.findMany({
    where: { status: 'OPEN', createdAt: { lt: waitingCutoff(ctx.today, ctx.timeZone) }, pairing: live(ctx) },
    select: { id: true, title: true, createdAt: true, pairing: { select: PAIRING_SCOPE } },
  });
  const directors = await directorsOf(
    ctx.db,
    rows.map((r) => r.pairing.supportingId),
  );
  return rows.flatMap((r) =>
    address(directors.get(r.pairing.supportingId), {
      kind: 'reminder.request',
      occasion: `request:${r.id}`,
      href: `/requests?status=OPEN#request-${r.id}`,
      entityType: 'AssistanceRequest',
      entityId: r.id,
      values: { title: shortText(r.title), days: daysWaited(r.createdAt, ctx.today, ctx.timeZone) },
      permission: 'request.answer',
      resource: sideResource(r.pairing, r.pairing.supportingId),
    }),
  );
}

/**
 * Done records the other side has left unconfirmed for WAITING_DAYS days since they last changed (an
 * edit after a dispute starts the wait again, and its version is a new occasion).
 */
async function confirmations(ctx: Context): Promise<Addressed[]> {
  const rows = await ctx.db.activity.findMany({
    where: { status: 'DONE', confirmation: 'PENDING', updatedAt: { lt: waitingCutoff(ctx.today, ctx.timeZone) }, pairing: live(ctx) },
    select: { id: true, title: true, version: true, updatedAt: true, recordingKindergartenId: true, pairing: { select: PAIRING_SCOPE } },
  });
  const otherSide = (r: (typeof rows)[number]) =>
    r.recordingKindergartenId === r.pairing.supportingId ? r.pairing.assistedId : r.pairing.supportingId;
  const directors = await directorsOf(ctx.db, rows.map(otherSide));
  return rows.flatMap((r) =>
    address(directors.get(otherSide(r)), {
      kind: 'reminder.confirmation',
      occasion: `confirm:${r.id}:v${r.version}`,
      href: `/activities/${r.id}`,
      entityType: 'Activity',
      entityId: r.id,
      values: { title: shortText(r.title), days: daysWaited(r.updatedAt, ctx.today, ctx.timeZone) },
      permission: 'activity.confirm',
      resource: sideResource(r.pairing, otherSide(r)),
    }),
  );
}

/**
 * Plans and summaries not handed in, 14 and 3 days before their due date (the status list's own rows,
 * due dates and states: annual-plans/queries.ts): the supporting director writes and submits them.
 */
async function annualPlans(ctx: Context): Promise<Addressed[]> {
  const rows = (await statusRows(ctx.pairings, ctx.db, ctx.now))
    .filter((r) => r.state === 'notSubmitted')
    .map((r) => ({ r, occasion: planOccasion(ctx.today, r.dueOn) }))
    .filter((x) => x.occasion != null);
  if (rows.length === 0) return [];
  const pairings = new Map(
    (await ctx.db.pairing.findMany({ where: { id: { in: [...new Set(rows.map((x) => x.r.pairingId))] } }, select: PAIRING_SCOPE })).map(
      (p) => [p.id, p],
    ),
  );
  const directors = await directorsOf(
    ctx.db,
    [...pairings.values()].map((p) => p.supportingId),
  );
  return rows.flatMap(({ r, occasion }) => {
    const p = pairings.get(r.pairingId)!;
    return address(directors.get(p.supportingId), {
      kind: 'reminder.annualPlan',
      occasion: `plan:${r.pairingId}:${r.academicYear}:${r.kind}:${occasion}`,
      href: `/annual-plans/${r.pairingId}/${r.academicYear}`,
      entityType: 'AnnualPlan',
      entityId: `${r.pairingId}:${r.academicYear}`,
      values: {
        part: r.kind,
        year: `${r.academicYear}–${r.academicYear + 1}`,
        kindergarten: r.assisted,
        due: r.dueOn,
        days: daysLeft(ctx.today, r.dueOn),
      },
      permission: 'annualPlan.edit',
      resource: sideResource(p, p.supportingId),
    });
  });
}

/**
 * Rectifications waiting for the kindergarten: its directors three days before and on the deadline;
 * once overdue, the directors and the office that opened it ('rectification.overdue').
 */
async function rectifications(ctx: Context): Promise<Addressed[]> {
  const rows = await ctx.db.rectification.findMany({
    where: {
      status: { in: AWAITING_KINDERGARTEN },
      deadline: { lte: dateOnly(addDays(ctx.today, RECTIFICATION_NOTICE_DAYS)) },
      ...(ctx.countyIds ? { kindergarten: { countyId: { in: ctx.countyIds } } } : {}),
    },
    select: {
      id: true,
      requirement: true,
      deadline: true,
      kindergartenId: true,
      officeCountyId: true,
      kindergarten: { select: { countyId: true } },
    },
  });
  const [directors, offices] = await Promise.all([
    directorsOf(
      ctx.db,
      rows.map((r) => r.kindergartenId),
    ),
    officeAdminsOf(
      ctx.db,
      rows.filter((r) => rectificationOccasion(ctx.today, isoOf(r.deadline)) === 'overdue').map((r) => r.officeCountyId),
    ),
  ]);
  return rows.flatMap((r): Addressed[] => {
    const deadline = isoOf(r.deadline);
    const occasion = rectificationOccasion(ctx.today, deadline);
    const base = { occasion: `rect:${r.id}:${occasion}`, href: `/rectifications/${r.id}`, entityType: 'Rectification', entityId: r.id };
    const resource = rectificationResource(r);
    if (occasion === 'overdue') {
      const item: ReminderItem = {
        ...base,
        kind: 'rectification.overdue',
        values: { requirement: shortText(r.requirement) },
        permission: 'rectification.view',
        resource,
      };
      return [...address(directors.get(r.kindergartenId), item), ...address(offices.get(r.officeCountyId), item)];
    }
    if (!occasion) return [];
    return address(directors.get(r.kindergartenId), {
      ...base,
      kind: 'reminder.rectification',
      values: { requirement: shortText(r.requirement), deadline, days: daysLeft(ctx.today, deadline) },
      permission: 'rectification.answer',
      resource,
    });
  });
}

/**
 * S2 at risk (the effect test's own judgement) once the semester has a month or less left: the
 * supporting directors, while class hours can still be sent.
 */
async function classHours(ctx: Context): Promise<Addressed[]> {
  const period = resolvePeriod(await listCycles(ctx.db), undefined, ctx.today);
  if (!period || ctx.today < period.semester.startsOn || !classHoursNoticeDue(ctx.today, period.semester.endsOn)) return [];
  const evaluation = await evaluatePairings(CITY, { period, today: ctx.now, where: live(ctx) }, ctx.db);
  const atRisk = evaluation.pairings.filter((p) => p.results.S2.status === 'AT_RISK' && p.results.S2.figure.kind === 'hours');
  const directors = await directorsOf(
    ctx.db,
    atRisk.map((p) => p.supporting.id),
  );
  const semester = `${period.semester.academicYear}-${period.semester.term}`;
  return atRisk.flatMap((p) => {
    const figure = p.results.S2.figure as { have: number; need: number };
    return address(directors.get(p.supporting.id), {
      kind: 'reminder.classHours',
      occasion: `hours:${p.id}:${semester}`,
      href: `/pairings/${p.id}/effect-tests`,
      entityType: 'Pairing',
      entityId: p.id,
      values: { kindergarten: p.assisted.name, have: figure.have, need: figure.need, days: daysLeft(ctx.today, period.semester.endsOn) },
      permission: 'effectTests.view',
      resource: pairingResource({
        supportingId: p.supporting.id,
        assistedId: p.assisted.id,
        supporting: p.supporting,
        assisted: p.assisted,
      }),
    });
  });
}
