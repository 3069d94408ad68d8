import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { annualPlanStatusWhere, hasPermission, pairingWhere, type Actor } from '@/lib/authz';
import { statusRows, type StatusRow } from '@/lib/annual-plans/queries';
import { REVIEW_STATES } from '@/lib/annual-plans/due';
import { ID_PATTERN } from '@/lib/schema-fields';
import { listBody, Pagination } from './params';

const id = z.string().regex(ID_PATTERN, 'must be an id');

/** `GET /api/v1/annual-plans`. */
export const AnnualPlanQuery = Pagination.extend({
  year: z.coerce
    .number({ error: 'year must be a year such as 2025' })
    .int('year must be a year such as 2025')
    .min(2000, 'year must be from 2000 to 2100')
    .max(2100, 'year must be from 2000 to 2100')
    .optional(),
  county: id.optional(),
  pairing: id.optional(),
  state: z.enum(REVIEW_STATES as [string, ...string[]]).optional(),
}).strict();

const part = (r: StatusRow | undefined) =>
  r && { state: r.state, dueOn: r.dueOn, overdue: r.state === 'overdue', lastSubmittedAt: r.lastSubmittedAt?.toISOString() ?? null };

/**
 * One entry per pairing and academic year it reaches: the plan's and the summary's review state, due
 * date and whether overdue, on the city's today. Scoped like the bureau's status list
 * (/annual-plans/status); a director's token reads the pairings of their kindergarten. Ordered by the
 * supporting and assisted kindergarten's names, then pairing id and year.
 */
export async function apiListAnnualPlans(actor: Actor, q: z.output<typeof AnnualPlanQuery>, now = new Date()) {
  const scope = hasPermission(actor, 'annualPlan.status') ? annualPlanStatusWhere(actor) : pairingWhere(actor, 'annualPlan.view');
  const rows = await statusRows({ AND: [scope, q.pairing ? { id: q.pairing } : {}] }, db, now, { year: q.year, countyId: q.county });
  const items = new Map<string, { plan?: StatusRow; summary?: StatusRow }>();
  for (const r of rows) {
    const key = `${r.pairingId}:${r.academicYear}`;
    items.set(key, { ...items.get(key), [r.kind === 'PLAN' ? 'plan' : 'summary']: r });
  }
  const data = [...items.values()]
    .map((x) => {
      const r = (x.plan ?? x.summary)!;
      return {
        pairingId: r.pairingId,
        academicYear: r.academicYear,
        supporting: r.supporting,
        assisted: r.assisted,
        countyId: r.countyId,
        plan: part(x.plan),
        summary: part(x.summary),
      };
    })
    .filter((x) => !q.state || x.plan?.state === q.state || x.summary?.state === q.state)
    .sort(
      (a, b) =>
        a.supporting.localeCompare(b.supporting, 'zh') ||
        a.assisted.localeCompare(b.assisted, 'zh') ||
        a.pairingId.localeCompare(b.pairingId) ||
        a.academicYear - b.academicYear,
    );
  const from = (q.page - 1) * q.pageSize;
  return listBody(data.slice(from, from + q.pageSize), q, data.length);
}
