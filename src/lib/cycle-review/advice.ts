import 'server-only';
/**
 * The facts the re-pairing advice reads, for many pairings of one cycle at once: each semester's frozen
 * results, the confirmed end measurement, the latest inspection grade, rectifications overdue today and
 * questioned spot-checked records (each in the actor's scope, as every list is).
 */
import type { Db, Tx } from '@/lib/db';
import { rectificationWhere, spotCheckWhere, type Actor } from '@/lib/authz';
import { getCity } from '@/lib/cycles/city';
import type { CycleRow } from '@/lib/cycles/queries';
import { overdueWhere } from '@/lib/rectifications/rules';
import { periodKeyOf } from '@/lib/periods/rules';
import { addDays } from '@/lib/cycles/periods';
import { dateOnly, type IsoDate } from '@/lib/time/date-only';
import {
  adviseRollover,
  DEFAULT_ADVICE_SETTINGS,
  MEASUREMENT_MARGIN_DAYS,
  semesterVerdict,
  type Advice,
  type AdviceInput,
  type AdviceSettings,
  type Figures,
  type Grade,
  type SemesterVerdict,
  type Standard,
} from './rules';

export type HistorySemester = {
  key: string;
  academicYear: number;
  term: 'AUTUMN' | 'SPRING';
  closed: boolean;
  /** The semester's S tests, and on a spring semester its academic year's A tests. */
  tests: { test: string; status: string }[];
  verdict: SemesterVerdict | null;
};

/** Whose city: a county's parent, a city admin's region, else the deployment's city. */
async function cityIdOf(db: Db | Tx, actor?: { countyId: string | null; regionId?: string | null }) {
  if (actor?.countyId) return (await db.region.findUnique({ where: { id: actor.countyId }, select: { parentId: true } }))?.parentId ?? null;
  if (actor?.regionId) return actor.regionId;
  return (await getCity(db)).id;
}

/** The city's two thresholds (CitySetting), as shares. */
export async function adviceSettings(db: Db | Tx, actor?: { countyId: string | null; regionId?: string | null }): Promise<AdviceSettings> {
  const cityId = await cityIdOf(db, actor);
  const row = cityId
    ? await db.citySetting.findUnique({ where: { cityId }, select: { adviceSemesterMetShare: true, adviceMissedShare: true } })
    : null;
  if (!row) return DEFAULT_ADVICE_SETTINGS;
  return { semesterMetShare: Number(row.adviceSemesterMetShare), missedShare: Number(row.adviceMissedShare) };
}

/** Each pairing's semesters of the cycle, in order, closed or not, with what was frozen. */
export async function pairingHistories(db: Db | Tx, pairingIds: string[], cycle: CycleRow): Promise<Map<string, HistorySemester[]>> {
  const keyOf = (s: { academicYear: number; term: 'AUTUMN' | 'SPRING' }) =>
    periodKeyOf({ kind: 'SEMESTER', academicYear: s.academicYear, term: s.term });
  const semesterKeys = cycle.semesters.map(keyOf);
  const yearKeys = [...new Set(cycle.semesters.map((s) => String(s.academicYear)))];
  const [closed, frozen] = await Promise.all([
    db.closedPeriod.findMany({ where: { key: { in: [...semesterKeys, ...yearKeys] } }, select: { key: true } }),
    pairingIds.length === 0
      ? []
      : db.frozenResult.findMany({
          where: { pairingId: { in: pairingIds }, closedPeriod: { key: { in: [...semesterKeys, ...yearKeys] } } },
          select: { pairingId: true, test: true, status: true, closedPeriod: { select: { key: true } } },
          orderBy: { test: 'asc' },
        }),
  ]);
  const closedKeys = new Set(closed.map((c) => c.key));
  const byKey = new Map<string, { test: string; status: string }[]>();
  for (const f of frozen) {
    const k = `${f.pairingId}|${f.closedPeriod.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), { test: f.test, status: f.status }]);
  }
  const out = new Map<string, HistorySemester[]>();
  for (const id of pairingIds) {
    out.set(
      id,
      cycle.semesters.map((s) => {
        const key = keyOf(s);
        const tests = [...(byKey.get(`${id}|${key}`) ?? []), ...(s.term === 'SPRING' ? (byKey.get(`${id}|${s.academicYear}`) ?? []) : [])];
        const isClosed = closedKeys.has(key);
        return {
          key,
          academicYear: s.academicYear,
          term: s.term,
          closed: isClosed,
          tests,
          verdict: isClosed ? semesterVerdict(tests) : null,
        };
      }),
    );
  }
  return out;
}

export type PairingAdvice = { history: HistorySemester[]; input: AdviceInput; gradeSource: 'end' | 'latest' | null; computed: Advice };

/** The advice for each pairing as the rules give it today. */
export async function adviceFor(
  db: Db | Tx,
  actor: Actor & { regionId?: string | null },
  pairings: { id: string; assistedId: string }[],
  cycle: CycleRow,
  today: IsoDate,
): Promise<Map<string, PairingAdvice>> {
  const ids = pairings.map((p) => p.id);
  const assistedIds = pairings.map((p) => p.assistedId);
  // The grade of the cycle: inspected from its start to a little after its end (as an end measurement may be).
  const from = dateOnly(cycle.startsOn ?? today);
  const lastDay = cycle.endsOn ? addDays(cycle.endsOn, MEASUREMENT_MARGIN_DAYS) : today;
  const to = dateOnly(lastDay < today ? lastDay : today);
  const [settings, histories, ends, inspections, overdue, questioned] = await Promise.all([
    adviceSettings(db, actor),
    pairingHistories(db, ids, cycle),
    db.cycleMeasurement.findMany({
      where: { pairingId: { in: ids }, kind: 'END', confirmedAt: { not: null } },
      select: { pairingId: true, standard: true, figures: true },
    }),
    db.inspection.findMany({
      where: {
        status: 'RECORDED',
        grade: { not: null },
        inspectedOn: { gte: from, lte: to },
        OR: [{ pairingId: { in: ids } }, { kindergartenId: { in: assistedIds } }],
      },
      orderBy: [{ inspectedOn: 'desc' }, { recordedAt: 'desc' }],
      select: { pairingId: true, kindergartenId: true, grade: true },
    }),
    db.rectification.findMany({
      where: {
        AND: [
          rectificationWhere(actor),
          overdueWhere(today),
          { OR: [{ pairingId: { in: ids } }, { pairingId: null, kindergartenId: { in: assistedIds } }] },
        ],
      },
      select: { pairingId: true, kindergartenId: true },
    }),
    db.spotCheckItem.findMany({
      where: { verdict: 'QUESTIONED', activity: { pairingId: { in: ids } }, spotCheck: spotCheckWhere(actor) },
      select: { activity: { select: { pairingId: true } } },
    }),
  ]);
  const out = new Map<string, PairingAdvice>();
  for (const p of pairings) {
    const history = histories.get(p.id) ?? [];
    const end = ends.find((e) => e.pairingId === p.id);
    const endGrade = end ? ((end.figures as Figures | null)?.inspectionGrade ?? null) : null;
    const latest = inspections.find((i) => i.pairingId === p.id || i.kindergartenId === p.assistedId)?.grade ?? null;
    const grade = (endGrade ?? latest) as Grade | null;
    const input: AdviceInput = {
      semesters: history.flatMap((h) => (h.verdict ? [h.verdict] : [])),
      endStandard: end ? (end.standard as Standard) : null,
      grade,
      overdueRectifications: overdue.filter((r) => r.pairingId === p.id || (r.pairingId === null && r.kindergartenId === p.assistedId))
        .length,
      questionedRecords: questioned.filter((q) => q.activity.pairingId === p.id).length,
    };
    out.set(p.id, { history, input, gradeSource: endGrade ? 'end' : latest ? 'latest' : null, computed: adviseRollover(input, settings) });
  }
  return out;
}
