/**
 * Signals computed in SQL at read time over the whole city (decision 019): reasons for the bureau to
 * look at a done activity, never verdicts. The subjects (the activities asked about) are those in the
 * reader's scope; the records they are compared with may lie anywhere in the city, and one outside the
 * reader's scope is never named: the signal only says that such a record exists elsewhere.
 *
 * No 'server-only' mark: the demo seed weights its spot check with these too.
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db';
import { addDays } from '@/lib/cycles/periods';
import type { IsoDate } from '@/lib/time/date-only';
import { zonedToInstant } from '@/lib/time/zoned';
import {
  ASSUMED_DURATION_MINUTES,
  INVISIBLE_CHARS,
  MIN_REUSED_TEXT_LENGTH,
  NEAR_DUPLICATE_MAX_DISTANCE,
  SIGNAL_KINDS,
  SPACE_RUN,
  type SignalKind,
} from './rules';

type Reader = Pick<Db, '$queryRaw' | 'region' | 'citySetting'>;

/** The pairings in scope: all of the city's, or those with either kindergarten in a county (authz.ts: pairingCountyScope). */
export type PairingScope = { city: true } | { countyId: string };

export type SignalSettings = { lateEntryDays: number; captureDateToleranceDays: number };
export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = { lateEntryDays: 30, captureDateToleranceDays: 7 };

/** Which activities to ask about: done ones in scope, narrowed by period, county, pairing or ids. */
export type Subjects = {
  scope: PairingScope;
  /** Only activities of pairings touching this county (the city admin's filter). */
  countyId?: string;
  pairingId?: string;
  activityIds?: string[];
  /** Activity dates (city calendar), both ends included. */
  from?: IsoDate;
  to?: IsoDate;
};

export type RelatedRecord = { id: string; title: string; startsAt: Date };
type Pairwise = { related: RelatedRecord[]; elsewhere: boolean };

export type Signal =
  | { kind: 'lateEntry'; activityId: string; days: number; enteredAt: Date }
  | { kind: 'afterClose'; activityId: string; periodStartsOn: IsoDate; periodEndsOn: IsoDate; closedAt: Date; enteredAt: Date }
  | ({ kind: 'similarPhoto'; activityId: string; distance: number } & Pairwise)
  | { kind: 'captureDate'; activityId: string; photos: number; dates: IsoDate[] }
  | ({ kind: 'reusedText'; activityId: string; fields: ('record' | 'summary')[] } & Pairwise)
  | ({ kind: 'twoPlaces'; activityId: string; people: string[] } & Pairwise);

// Aliases are the code's own, never input.
const ref = (alias: string) => Prisma.raw(`"${alias}"`);

/** SQL: the activity under `alias` belongs to a pairing in scope (the rule of pairingWhere). */
export function activityInScopeSql(scope: PairingScope, alias: string): Prisma.Sql {
  if ('city' in scope) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Pairing" sp JOIN "Kindergarten" ss ON ss.id = sp."supportingId" JOIN "Kindergarten" sa ON sa.id = sp."assistedId"
    WHERE sp.id = ${ref(alias)}."pairingId" AND (ss."countyId" = ${scope.countyId} OR sa."countyId" = ${scope.countyId}))`;
}

/** SQL condition on the activity alias `a`. */
export function subjectsSql(s: Subjects, timeZone: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a.status = 'DONE'`, activityInScopeSql(s.scope, 'a')];
  if (s.countyId) parts.push(activityInScopeSql({ countyId: s.countyId }, 'a'));
  if (s.pairingId) parts.push(Prisma.sql`a."pairingId" = ${s.pairingId}`);
  if (s.activityIds) parts.push(s.activityIds.length ? Prisma.sql`a.id IN (${Prisma.join(s.activityIds)})` : Prisma.sql`FALSE`);
  if (s.from) parts.push(Prisma.sql`a."startsAt" >= ${zonedToInstant(s.from, '00:00', timeZone)}`);
  if (s.to) parts.push(Prisma.sql`a."startsAt" < ${zonedToInstant(addDays(s.to, 1), '00:00', timeZone)}`);
  return Prisma.join(parts, ' AND ');
}

const relatedJson = (alias: string, scope: PairingScope) =>
  Prisma.sql`coalesce(jsonb_agg(DISTINCT jsonb_build_object('id', ${ref(alias)}.id, 'title', ${ref(alias)}.title, 'startsAt', ${ref(alias)}."startsAt"))
    FILTER (WHERE ${activityInScopeSql(scope, alias)}), '[]'::jsonb) AS related,
    coalesce(bool_or(NOT ${activityInScopeSql(scope, alias)}), false) AS elsewhere`;

const hamming = Prisma.sql`bit_count(('x' || f.phash)::bit(64) # ('x' || g.phash)::bit(64))`;
/** rules.ts's normaliseForReuse, in SQL: every space and zero-width character taken out. */
const normalised = (column: Prisma.Sql) =>
  Prisma.sql`regexp_replace(regexp_replace(${column}, ${INVISIBLE_CHARS}, '', 'g'), ${SPACE_RUN}, '', 'g')`;
const placeKey = (alias: string) => Prisma.sql`lower(${normalised(Prisma.sql`${ref(alias)}.location`)})`;
const spanEnd = (alias: string) =>
  Prisma.sql`coalesce(${ref(alias)}."endsAt", ${ref(alias)}."startsAt" + make_interval(mins => ${ASSUMED_DURATION_MINUTES}::int))`;

type RelatedRow = { related: { id: string; title: string; startsAt: string }[]; elsewhere: boolean };
const pairwise = (r: RelatedRow): Pairwise => ({
  related: r.related.map((x) => ({ id: x.id, title: x.title, startsAt: new Date(x.startsAt) })).sort((x, y) => +x.startsAt - +y.startsAt),
  elsewhere: r.elsewhere,
});

type Ctx = { where: Prisma.Sql; scope: PairingScope; settings: SignalSettings; timeZone: string };

const QUERIES: { [K in SignalKind]: (db: Reader, c: Ctx) => Promise<Extract<Signal, { kind: K }>[]> } = {
  async lateEntry(db, { where, settings }) {
    const rows = await db.$queryRaw<{ activityId: string; enteredAt: Date; days: number }[]>`
      SELECT a.id AS "activityId", a."createdAt" AS "enteredAt",
        floor(extract(epoch FROM a."createdAt" - coalesce(a."endsAt", a."startsAt")) / 86400)::int AS days
      FROM "Activity" a
      WHERE ${where} AND a."createdAt" - coalesce(a."endsAt", a."startsAt") > make_interval(days => ${settings.lateEntryDays}::int)`;
    return rows.map((r) => ({ kind: 'lateEntry', ...r }));
  },

  async afterClose(db, { where, timeZone }) {
    const rows = await db.$queryRaw<{ activityId: string; enteredAt: Date; startsOn: string; endsOn: string; closedAt: Date }[]>`
      SELECT DISTINCT ON (a.id) a.id AS "activityId", a."createdAt" AS "enteredAt",
        cp."startsOn"::text AS "startsOn", cp."endsOn"::text AS "endsOn", cp."closedAt" AS "closedAt"
      FROM "Activity" a
      JOIN "ClosedPeriod" cp ON (a."startsAt" AT TIME ZONE ${timeZone})::date BETWEEN cp."startsOn" AND cp."endsOn"
        AND cp."closedAt" < a."createdAt"
      WHERE ${where}
      ORDER BY a.id, cp."closedAt"`;
    return rows.map((r) => ({
      kind: 'afterClose',
      activityId: r.activityId,
      enteredAt: r.enteredAt,
      periodStartsOn: r.startsOn,
      periodEndsOn: r.endsOn,
      closedAt: r.closedAt,
    }));
  },

  async similarPhoto(db, { where, scope }) {
    const rows = await db.$queryRaw<({ activityId: string; distance: number } & RelatedRow)[]>`
      SELECT a.id AS "activityId", min(${hamming})::int AS distance, ${relatedJson('o', scope)}
      FROM "Activity" a
      JOIN "EvidenceFile" f ON f."activityId" = a.id AND f.kind = 'PHOTO' AND f."deletedAt" IS NULL AND f.phash IS NOT NULL
      JOIN "EvidenceFile" g ON g."activityId" IS NOT NULL AND g."activityId" <> a.id AND g.kind = 'PHOTO' AND g."deletedAt" IS NULL
        AND g.phash IS NOT NULL AND ${hamming} <= ${NEAR_DUPLICATE_MAX_DISTANCE}::int
      JOIN "Activity" o ON o.id = g."activityId"
      WHERE ${where}
      GROUP BY a.id`;
    return rows.map((r) => ({ kind: 'similarPhoto', activityId: r.activityId, distance: r.distance, ...pairwise(r) }));
  },

  async captureDate(db, { where, settings, timeZone }) {
    const captured = Prisma.sql`(f."capturedAt" AT TIME ZONE ${timeZone})::date`;
    const rows = await db.$queryRaw<{ activityId: string; photos: number; dates: string[] }[]>`
      SELECT a.id AS "activityId", count(*)::int AS photos, array_agg(DISTINCT ${captured}::text) AS dates
      FROM "Activity" a
      JOIN "EvidenceFile" f ON f."activityId" = a.id AND f.kind = 'PHOTO' AND f."deletedAt" IS NULL AND f."capturedAt" IS NOT NULL
      WHERE ${where} AND (
        ${captured} < (a."startsAt" AT TIME ZONE ${timeZone})::date - ${settings.captureDateToleranceDays}::int
        OR ${captured} > (coalesce(a."endsAt", a."startsAt") AT TIME ZONE ${timeZone})::date + ${settings.captureDateToleranceDays}::int)
      GROUP BY a.id`;
    return rows.map((r) => ({ kind: 'captureDate', ...r, dates: [...r.dates].sort() }));
  },

  async reusedText(db, { where, scope }) {
    // Only done records' own words: the record (记录) and summary (总结), long enough to mean something.
    const rows = await db.$queryRaw<({ activityId: string; fields: ('record' | 'summary')[] } & RelatedRow)[]>`
      WITH texts AS (
        SELECT x.id AS "activityId", v.field, ${normalised(Prisma.sql`v.body`)} AS body
        FROM "Activity" x CROSS JOIN LATERAL (VALUES ('record', x.record), ('summary', x.summary)) AS v(field, body)
        WHERE x.status = 'DONE' AND char_length(v.body) >= ${MIN_REUSED_TEXT_LENGTH}::int
      ), long AS (SELECT * FROM texts WHERE char_length(body) >= ${MIN_REUSED_TEXT_LENGTH}::int)
      SELECT s."activityId", array_agg(DISTINCT s.field) AS fields, ${relatedJson('o', scope)}
      FROM long s
      JOIN "Activity" a ON a.id = s."activityId"
      JOIN long t ON t.body = s.body AND t."activityId" <> s."activityId"
      JOIN "Activity" o ON o.id = t."activityId"
      WHERE ${where}
      GROUP BY s."activityId"`;
    return rows.map((r) => ({ kind: 'reusedText', activityId: r.activityId, fields: [...r.fields].sort(), ...pairwise(r) }));
  },

  async twoPlaces(db, { where, scope }) {
    const rows = await db.$queryRaw<({ activityId: string; people: string[] } & RelatedRow)[]>`
      SELECT a.id AS "activityId", array_agg(DISTINCT u.name) AS people, ${relatedJson('o', scope)}
      FROM "Activity" a
      JOIN "ActivityParticipant" pa ON pa."activityId" = a.id
      JOIN "ActivityParticipant" pb ON pb."userId" = pa."userId" AND pb."activityId" <> a.id
      JOIN "Activity" o ON o.id = pb."activityId" AND o.status = 'DONE'
      JOIN "User" u ON u.id = pa."userId"
      WHERE ${where}
        AND a."startsAt" < ${spanEnd('o')} AND o."startsAt" < ${spanEnd('a')}
        AND ${placeKey('a')} <> '' AND ${placeKey('o')} <> '' AND ${placeKey('a')} <> ${placeKey('o')}
      GROUP BY a.id`;
    return rows.map((r) => ({ kind: 'twoPlaces', activityId: r.activityId, people: [...r.people].sort(), ...pairwise(r) }));
  },
};

/** Every signal of the subjects (or only the kinds asked for), in the order of SIGNAL_KINDS. */
export async function computeSignals(
  db: Reader,
  subjects: Subjects,
  { settings, timeZone, kinds = SIGNAL_KINDS }: { settings: SignalSettings; timeZone: string; kinds?: readonly SignalKind[] },
): Promise<Signal[]> {
  const ctx: Ctx = { where: subjectsSql(subjects, timeZone), scope: subjects.scope, settings, timeZone };
  // One after another: on a shared 2-core server six parallel scans only queue behind each other.
  const out: Signal[] = [];
  for (const kind of SIGNAL_KINDS) if (kinds.includes(kind)) out.push(...(await QUERIES[kind](db, ctx)));
  return out;
}

/** The ids of the subjects themselves (a spot check's population). */
export async function subjectIds(db: Reader, subjects: Subjects, timeZone: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT a.id FROM "Activity" a WHERE ${subjectsSql(subjects, timeZone)}`;
  return rows.map((r) => r.id);
}

/** Each activity's kinds of signal (in SIGNAL_KINDS order): what weights a spot check's draw. */
export function kindsByActivity(signals: readonly Signal[]): Map<string, SignalKind[]> {
  const map = new Map<string, SignalKind[]>();
  for (const s of signals) {
    const list = map.get(s.activityId) ?? [];
    if (!list.includes(s.kind)) list.push(s.kind);
    map.set(s.activityId, list);
  }
  for (const list of map.values()) list.sort((x, y) => SIGNAL_KINDS.indexOf(x) - SIGNAL_KINDS.indexOf(y));
  return map;
}

/**
 * The thresholds the city set (CitySetting), for the reader's city: a county admin's county's city, a
 * city admin's own; the first city when neither is known (a deployment serves one city).
 */
export async function signalSettings(
  db: Reader,
  actor: { countyId: string | null; regionId?: string | null } | null,
): Promise<SignalSettings & { cityId: string | null }> {
  let cityId: string | null = null;
  if (actor?.countyId)
    cityId = (await db.region.findUnique({ where: { id: actor.countyId }, select: { parentId: true } }))?.parentId ?? null;
  else if (actor?.regionId) cityId = actor.regionId;
  if (!cityId)
    cityId = (await db.region.findFirst({ where: { kind: 'CITY' }, orderBy: { createdAt: 'asc' }, select: { id: true } }))?.id ?? null;
  const row = cityId
    ? await db.citySetting.findUnique({ where: { cityId }, select: { lateEntryDays: true, captureDateToleranceDays: true } })
    : null;
  return { cityId, ...DEFAULT_SIGNAL_SETTINGS, ...(row ?? {}) };
}
