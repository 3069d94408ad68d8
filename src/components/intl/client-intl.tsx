import { NextIntlClientProvider } from 'next-intl';

/**
 * Translations for client components, given only to the parts of the app that have some
 * (docs/decisions/011-translations-on-the-server.md). Pages without translated client
 * components — the dashboards — ship neither next-intl's client code nor the catalogues in their
 * payload. Used by the layouts of those route segments.
 */
export function ClientIntl({ children }: { children: React.ReactNode }) {
  // Rendered from a server component, the provider inherits locale, messages and time zone from
  // the request configuration (src/i18n/request.ts).
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}

/** A route segment layout that only adds ClientIntl. */
export default function ClientIntlLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl>{children}</ClientIntl>;
}
