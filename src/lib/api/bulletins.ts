import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { bulletinWhere, hasPermission, type Actor } from '@/lib/authz';
import { isoOf } from '@/lib/time/date-only';
import { listBody, pageOf, Pagination } from './params';

/** `GET /api/v1/bulletins`: `period` is a closed period's key ("2025-SPRING", or "2025" for the academic year). */
export const BulletinQuery = Pagination.extend({
  period: z
    .string()
    .regex(/^\d{4}(-(AUTUMN|SPRING))?$/, 'must be a period such as 2025-SPRING or 2025')
    .optional(),
}).strict();

/**
 * Published bulletins with their content, newest first (publication time, then id). Drafts never: the
 * API reads what is published, whoever holds the token (a published bulletin is read city-wide).
 */
export async function apiListBulletins(actor: Actor, q: z.output<typeof BulletinQuery>) {
  if (!hasPermission(actor, 'bulletin.view')) return listBody([], q, 0);
  const where = { AND: [bulletinWhere(actor), { status: 'PUBLISHED' as const }, q.period ? { closedPeriod: { key: q.period } } : {}] };
  const [rows, total] = await Promise.all([
    db.bulletin.findMany({
      where,
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      ...pageOf(q),
      select: {
        id: true,
        title: true,
        body: true,
        publishedAt: true,
        content: true,
        closedPeriod: { select: { key: true, kind: true, academicYear: true, term: true, startsOn: true, endsOn: true, closedAt: true } },
      },
    }),
    db.bulletin.count({ where }),
  ]);
  const data = rows.map((b) => ({
    id: b.id,
    title: b.title,
    body: b.body,
    publishedAt: b.publishedAt?.toISOString() ?? null,
    period: {
      key: b.closedPeriod.key,
      kind: b.closedPeriod.kind,
      academicYear: b.closedPeriod.academicYear,
      term: b.closedPeriod.term,
      startsOn: isoOf(b.closedPeriod.startsOn),
      endsOn: isoOf(b.closedPeriod.endsOn),
      closedAt: b.closedPeriod.closedAt.toISOString(),
    },
    content: b.content,
  }));
  return listBody(data, q, total);
}
