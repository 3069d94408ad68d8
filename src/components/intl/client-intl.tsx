import type { Messages } from 'next-intl';
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import { ClientTranslationsProvider } from './client-translations';

/**
 * Translations for client components (client-translations.tsx), given only to the parts of the
 * app that have some (docs/decisions/011-translations-on-the-server.md). Pages without translated
 * client components — the dashboards — ship neither the translation code nor the catalogues in
 * their payload. Used by the layouts of those route segments.
 *
 * `namespaces`: the catalogues (top-level keys) the segment's client components use, instead of all
 * of them: every catalogue travels in each page's HTML, ~100 KB for the whole app, most of the
 * sign-in page's weight on a slow network (decision 024). client-intl.test.ts checks every use in
 * src/app passes a list, and that the list is complete and has nothing unused.
 */
export async function ClientIntl({ children, namespaces }: { children: React.ReactNode; namespaces?: readonly (keyof Messages)[] }) {
  // Locale, messages and time zone from the request configuration (src/i18n/request.ts); a list
  // narrows the messages. The client side is client-translations.tsx, not next-intl's provider.
  const all = await getMessages();
  const messages = namespaces ? Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) : all;
  return (
    <ClientTranslationsProvider value={{ locale: await getLocale(), timeZone: await getTimeZone(), messages }}>
      {children}
    </ClientTranslationsProvider>
  );
}
