import type { Role } from '@/generated/prisma/enums';
import { hasPermission, scopeRuleFor, type Actor } from '@/lib/authz';
import type { MessageKey } from '@/i18n/translator';

export const HOME_PATH: Record<Role, string> = {
  CITY_ADMIN: '/city',
  COUNTY_ADMIN: '/county',
  DIRECTOR: '/director',
  TEACHER: '/teacher',
};

export type NavItem =
  | {
      key:
        'home' | 'kindergartens' | 'pairings' | 'activities' | 'teaching' | 'effectTests' | 'supervision' | 'users' | 'audit' | 'account';
      href: string;
      labelKey?: undefined;
    }
  | {
      key: 'cycles';
      href: string;
      /** Message key of the label when it lives outside the common `nav` catalogue. */
      labelKey: MessageKey;
    };

/** Navigation shows only what the role may use. */
export function navFor(actor: Actor): NavItem[] {
  const items: (NavItem | false)[] = [
    { key: 'home', href: HOME_PATH[actor.role] },
    ['city', 'county'].includes(scopeRuleFor(actor, 'kindergarten.view') ?? '') && { key: 'kindergartens', href: '/kindergartens' },
    { key: 'pairings', href: '/pairings' },
    hasPermission(actor, 'cycle.manage') && { key: 'cycles', href: '/cycles', labelKey: 'cycles.nav' },
    { key: 'activities', href: '/activities' },
    // One entry for lessons, mentoring, papers, programmes and annual plans keeps the phone menu short.
    { key: 'teaching', href: '/teaching' },
    { key: 'effectTests', href: '/effect-tests' },
    // Inspections, rectification, spot checks and bulletins behind one entry (every role reads bulletins).
    { key: 'supervision', href: '/supervision' },
    hasPermission(actor, 'user.view') && { key: 'users', href: '/users' },
    hasPermission(actor, 'audit.view') && { key: 'audit', href: '/audit' },
    { key: 'account', href: '/account' },
  ];
  return items.filter((i): i is NavItem => i !== false);
}
