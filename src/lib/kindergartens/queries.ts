import 'server-only';
import { db } from '@/lib/db';
import { kindergartenWhere, type Actor } from '@/lib/authz';

export async function listKindergartens(actor: Actor) {
  const where = { AND: [kindergartenWhere(actor), { active: true }] };
  return db.kindergarten.findMany({
    where,
    orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
    select: {
      id: true, code: true, name: true, area: true, level: true, classCount: true, childCount: true, teacherCount: true, staffCount: true,
      county: { select: { name: true } },
    },
  });
}
