import 'server-only';
import type { Tx } from '@/lib/db';

// Who is told about an event, by role and place. Each list is of active accounts only; callers pick the
// list whose scope lets them open the record the notification links to.

export async function directorsOf(tx: Tx, kindergartenIds: string[]): Promise<string[]> {
  if (kindergartenIds.length === 0) return [];
  const rows = await tx.user.findMany({
    where: { role: 'DIRECTOR', active: true, kindergartenId: { in: kindergartenIds } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The admins of an office: a county's admins, or the city's admins when countyId is null. */
export async function officeAdmins(tx: Tx, countyId: string | null): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: countyId ? { role: 'COUNTY_ADMIN', active: true, regionId: countyId } : { role: 'CITY_ADMIN', active: true },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Everyone in the city (a published bulletin). */
export async function everyone(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}
