import 'server-only';
import { getTranslations } from 'next-intl/server';
import { listGroupCandidates } from './queries';

/** The leading group's candidates as the form lists them: name and role, grouped by kindergarten. */
export async function groupOptions(kindergartenIds: string[], keepIds: string[] = []) {
  const t = await getTranslations('roles');
  const people = await listGroupCandidates(kindergartenIds, keepIds);
  return people.map((p) => ({ id: p.id, label: `${p.name} · ${t(p.role)}`, group: p.kindergarten?.name ?? '' }));
}
