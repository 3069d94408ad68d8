import 'server-only';
import { db } from '@/lib/db';
import { can, userResource, userWhere, type Actor } from '@/lib/authz';

export const USERS_PAGE_SIZE = 50;

export async function listUsers(actor: Actor, { q, page = 1 }: { q?: string; page?: number } = {}) {
  const search = q?.trim()
    ? { OR: [{ name: { contains: q.trim() } }, { phone: { contains: q.trim() } }, { email: { contains: q.trim().toLowerCase() } }] }
    : {};
  const where = { AND: [userWhere(actor), search] };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: 'asc' }, { name: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        phone: true,
        email: true,
        role: true,
        active: true,
        regionId: true,
        kindergartenId: true,
        region: { select: { name: true } },
        kindergarten: { select: { name: true, countyId: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((u) => {
      const resource = userResource(u);
      return {
        id: u.id,
        name: u.name,
        login: u.phone ?? u.email ?? '',
        role: u.role,
        active: u.active,
        unit: u.kindergarten?.name ?? u.region?.name ?? '',
        canReset: can(actor, 'user.resetPassword', resource),
        canSetActive: can(actor, 'user.setActive', resource),
      };
    }),
  };
}
