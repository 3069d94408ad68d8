import type { Messages } from 'next-intl';
import type { Locale } from './locales';

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
  'commendations',
  'cycle-review',
] as const;

/** The catalogue's type is declared from the Chinese files in app-config.d.ts (messages.test.ts checks English matches). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(NAMESPACES.map((ns) => import(`../../messages/${locale}/${ns}.json`).then((m) => m.default)));
  return Object.assign({}, ...parts);
}
