import type { Messages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale, type Locale } from './locales';
import { db } from '@/lib/db';
import { cityTimeZone } from '@/lib/time/city-zone';

// One catalogue file per domain and locale (messages/<locale>/<namespace>.json), so that features
// can be worked on side by side; each file holds its own top-level keys.
export const NAMESPACES = [
  'common',
  'kindergartens',
  'staff',
  'cycles',
  'pairings',
  'activities',
  'teaching',
  'evidence',
  'api',
  'effect-tests',
  'inspections',
  'rectifications',
  'spot-checks',
  'bulletins',
  'notifications',
  'offline',
  'service-records',
] as const;

/** The catalogue's type is declared from the Chinese files in app-config.d.ts (messages.test.ts checks English matches). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(NAMESPACES.map((ns) => import(`../../messages/${locale}/${ns}.json`).then((m) => m.default)));
  return Object.assign({}, ...parts);
}

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates formatted for people read the city's wall clock, the zone every stored date was typed in.
    timeZone: await cityTimeZone(db),
  };
});
