import 'server-only';
import { db } from '@/lib/db';
import { can, kindergartenWhere, type Actor } from '@/lib/authz';

/** Where the actor may place new accounts: active kindergartens and (city admin) counties. */
export async function listPlacements(actor: Actor) {
  const [kindergartens, counties] = await Promise.all([
    db.kindergarten.findMany({
      where: { AND: [kindergartenWhere(actor, 'user.create'), { active: true }] },
      orderBy: [{ county: { code: 'asc' } }, { code: 'asc' }],
      select: { id: true, code: true, name: true },
    }),
    db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { kindergartens, counties: counties.filter((c) => can(actor, 'user.create', { countyId: c.id, role: 'COUNTY_ADMIN' })) };
}
