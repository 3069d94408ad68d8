import type { Locale } from './locales';

// The Chinese catalogue is the reference (messages.test.ts checks English has the same keys), so
// every t('…') key is checked against it. One import per namespace in catalogue.ts NAMESPACES.
type Catalogue = typeof import('../../messages/zh/common.json') &
  typeof import('../../messages/zh/kindergartens.json') &
  typeof import('../../messages/zh/staff.json') &
  typeof import('../../messages/zh/cycles.json') &
  typeof import('../../messages/zh/pairings.json') &
  typeof import('../../messages/zh/activities.json') &
  typeof import('../../messages/zh/teaching.json') &
  typeof import('../../messages/zh/evidence.json') &
  typeof import('../../messages/zh/api.json') &
  typeof import('../../messages/zh/effect-tests.json') &
  typeof import('../../messages/zh/inspections.json') &
  typeof import('../../messages/zh/rectifications.json') &
  typeof import('../../messages/zh/spot-checks.json') &
  typeof import('../../messages/zh/bulletins.json') &
  typeof import('../../messages/zh/notifications.json') &
  typeof import('../../messages/zh/offline.json') &
  typeof import('../../messages/zh/service-records.json') &
  typeof import('../../messages/zh/commendations.json') &
  typeof import('../../messages/zh/cycle-review.json');

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
  }
}
