import 'server-only';
import { db } from '@/lib/db';
import { kindergartenWhere, userWhere, type Actor } from '@/lib/authz';
import { regionName } from '@/i18n/region-name';

/** Counts for the landing page, each under the same scope filters as the lists. */
export async function getScopeSummary(actor: Actor, locale: string) {
  const kg = kindergartenWhere(actor);
  const [counties, kindergartens, demonstration, rural, users, countyName] = await Promise.all([
    actor.role === 'CITY_ADMIN' ? db.region.count({ where: { kind: 'COUNTY' } }) : Promise.resolve(null),
    db.kindergarten.count({ where: { AND: [kg, { active: true }] } }),
    db.kindergarten.count({ where: { AND: [kg, { active: true, level: { not: 'NONE' } }] } }),
    db.kindergarten.count({ where: { AND: [kg, { active: true, area: 'RURAL' }] } }),
    db.user.count({ where: { AND: [userWhere(actor), { active: true }] } }),
    actor.countyId ? db.region.findUnique({ where: { id: actor.countyId }, select: { name: true, nameEn: true } }) : Promise.resolve(null),
  ]);
  return { counties, kindergartens, demonstration, rural, users, countyName: countyName ? regionName(countyName, locale) : null };
}
