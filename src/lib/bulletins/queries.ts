import 'server-only';
import type { Db } from '@/lib/db';
import { bulletinWhere, hasPermission, type Actor } from '@/lib/authz';
import { cityToday } from '@/lib/time/today';
import { isoOf } from '@/lib/time/date-only';
import { overdueWhere } from '@/lib/rectifications/rules';
import { buildContent, type BulletinContent, type Grade, type PairingInput } from './content';

const SEMESTER_TESTS = ['S1', 'S2', 'S3', 'S4', 'S5'];
const YEAR_TESTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];

/**
 * A closed period's bulletin content as of `now`: the frozen results of every pairing it evaluated,
 * the recorded inspections dated in the period, and the rectifications overdue today. Published, it
 * is stored and never computed again; a draft shows it as a preview.
 */
export async function computeContent(db: Db, closedPeriodId: string, now = new Date()): Promise<BulletinContent> {
  const cp = await db.closedPeriod.findUniqueOrThrow({
    where: { id: closedPeriodId },
    select: {
      key: true,
      kind: true,
      academicYear: true,
      term: true,
      startsOn: true,
      endsOn: true,
      closedAt: true,
      results: { select: { pairingId: true, test: true, status: true } },
    },
  });
  const today = await cityToday(db, now);
  const pairingIds = [...new Set(cp.results.map((r) => r.pairingId))];
  const side = { select: { id: true, name: true, county: { select: { code: true, name: true, nameEn: true } } } } as const;
  const [pairings, counties, inspections, overdue] = await Promise.all([
    db.pairing.findMany({ where: { id: { in: pairingIds } }, select: { id: true, supporting: side, assisted: side } }),
    db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, nameEn: true } }),
    db.inspection.findMany({
      where: { status: 'RECORDED', inspectedOn: { gte: cp.startsOn, lte: cp.endsOn } },
      select: { pairingId: true, kindergartenId: true, inspectedOn: true, grade: true },
    }),
    db.rectification.findMany({
      where: overdueWhere(today),
      select: { pairingId: true, kindergartenId: true, kindergarten: { select: { countyId: true } } },
    }),
  ]);
  const resultsOf = new Map<string, Record<string, string>>();
  for (const r of cp.results) resultsOf.set(r.pairingId, { ...(resultsOf.get(r.pairingId) ?? {}), [r.test]: r.status });
  const involves = (x: { pairingId: string | null; kindergartenId: string | null }, p: (typeof pairings)[number]) =>
    x.pairingId === p.id || x.kindergartenId === p.supporting.id || x.kindergartenId === p.assisted.id;
  const input: PairingInput[] = pairings.map((p) => ({
    county: p.assisted.county,
    supporting: { name: p.supporting.name, county: p.supporting.county.name },
    assisted: { name: p.assisted.name, county: p.assisted.county.name },
    results: resultsOf.get(p.id) ?? {},
    inspections: inspections.filter((i) => involves(i, p)).map((i) => ({ on: isoOf(i.inspectedOn), grade: i.grade as Grade | null })),
    overdueRectifications: overdue.filter((r) => involves(r, p)).length,
  }));
  return buildContent({
    period: {
      key: cp.key,
      kind: cp.kind,
      academicYear: cp.academicYear,
      term: cp.term,
      startsOn: isoOf(cp.startsOn),
      endsOn: isoOf(cp.endsOn),
      closedAt: cp.closedAt.toISOString(),
    },
    asOf: today,
    tests: cp.kind === 'SEMESTER' ? SEMESTER_TESTS : YEAR_TESTS,
    counties: counties.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      overdueRectifications: overdue.filter((r) => r.kindergarten.countyId === c.id).length,
    })),
    pairings: input,
  });
}

const LIST_SELECT = {
  id: true,
  title: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  closedPeriod: { select: { key: true, kind: true, academicYear: true, term: true, startsOn: true, endsOn: true } },
} as const;

/** Published bulletins for everyone in the city, newest first; the city also sees its drafts. */
export async function listBulletins(actor: Actor, db: Db) {
  const rows = await db.bulletin.findMany({
    where: bulletinWhere(actor),
    orderBy: [{ status: 'asc' }, { publishedAt: 'desc' }, { updatedAt: 'desc' }],
    take: 200,
    select: LIST_SELECT,
  });
  return rows.map((b) => ({
    ...b,
    closedPeriod: { ...b.closedPeriod, startsOn: isoOf(b.closedPeriod.startsOn), endsOn: isoOf(b.closedPeriod.endsOn) },
  }));
}

/**
 * One bulletin as its readers see it, or null where the actor may not (a draft for anyone but the
 * city, anything for a role without bulletin.view): the page answers 404. A published one shows the
 * content stored when it was published; a draft a preview computed now.
 */
export async function getBulletin(actor: Actor, id: string, db: Db, now = new Date()) {
  const b = await db.bulletin.findFirst({
    where: { AND: [{ id }, bulletinWhere(actor)] },
    select: { ...LIST_SELECT, body: true, content: true, version: true, closedPeriodId: true, createdBy: { select: { name: true } } },
  });
  if (!b) return null;
  const content = b.status === 'PUBLISHED' ? (b.content as BulletinContent) : await computeContent(db, b.closedPeriodId, now);
  return {
    id: b.id,
    title: b.title,
    body: b.body,
    status: b.status,
    publishedAt: b.publishedAt,
    updatedAt: b.updatedAt,
    version: b.version,
    closedPeriodId: b.closedPeriodId,
    createdBy: b.createdBy.name,
    period: content.period,
    content,
    canManage: hasPermission(actor, 'bulletin.manage'),
  };
}
export type BulletinView = NonNullable<Awaited<ReturnType<typeof getBulletin>>>;
