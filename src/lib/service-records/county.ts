import { regionName } from '@/i18n/region-name';
import type { ServiceRecord } from './queries';

/** The person's county in the reader's language; prints that kept only the Chinese name show that. */
export function countyName(person: Pick<ServiceRecord['person'], 'county' | 'countyEn'>, locale: string): string | null {
  return person.county === null ? null : regionName({ name: person.county, nameEn: person.countyEn }, locale);
}
