import { z } from 'zod';
import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/respond';
import { BadRequestError, parseQuery, pathId } from '@/lib/api/params';
import { apiGetPairing } from '@/lib/api/queries';
import { cityTimeZone } from '@/lib/time/city-zone';
import { localDate } from '@/lib/time/zoned';
import { evaluatePairings, periodOf, resolvePeriod, TEST_IDS } from '@/lib/effect-tests/evaluate';
import { listCycles } from '@/lib/cycles/queries';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const Query = z
  .object({
    academicYear: z
      .string()
      .regex(/^2\d{3}$/, 'must be a year from 2000 to 2999')
      .transform(Number)
      .optional(),
    term: z.enum(['AUTUMN', 'SPRING']).optional(),
  })
  .strict()
  .refine((q) => (q.academicYear == null) === (q.term == null), { message: 'academicYear and term go together' });

/**
 * The effect tests of one pairing for one semester (S tests) and its academic year (A tests),
 * computed by the same evaluation as the dashboards. Without parameters: the semester of the
 * pairing's cycle that contains today.
 */
export const GET = apiRoute(async (actor, request, { params }: Context) => {
  const q = parseQuery(Query, new URL(request.url).searchParams);
  const id = pathId((await params).id);
  await apiGetPairing(actor, id); // 404 outside the token owner's scope
  const { cycleId } = await db.pairing.findUniqueOrThrow({ where: { id }, select: { cycleId: true } });
  const [cycles, timeZone] = await Promise.all([listCycles(db), cityTimeZone(db)]);
  const cycle = cycles.filter((c) => c.id === cycleId);
  const period =
    q.academicYear != null && q.term
      ? periodOf(cycle[0], q.academicYear, q.term)
      : resolvePeriod(cycle, undefined, localDate(new Date(), timeZone));
  if (!period) throw new BadRequestError("academicYear/term: not a semester of this pairing's cycle");
  const ev = await evaluatePairings(actor, { pairingIds: [id], period }, db);
  const p = ev.pairings[0];
  return {
    data: {
      pairingId: id,
      period: { cycleId: period.cycleId, semester: period.semester, academicYear: period.academicYear },
      today: ev.today,
      timeZone: ev.timeZone,
      confirmedOnly: ev.confirmedOnly,
      thresholds: ev.thresholds,
      results: p ? TEST_IDS.map((t) => p.results[t]) : [],
    },
  };
});
