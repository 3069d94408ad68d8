'use client';
import { createContext, useContext, useMemo } from 'react';
import type { useFormatter as NextIntlUseFormatter, useTranslations as NextIntlUseTranslations } from 'next-intl';
import { formatMessage, type Values } from './message-format';

/**
 * useTranslations and useFormatter for client components, with next-intl's types and a small
 * formatter (message-format.ts) in place of next-intl's client code: 12 KB gzip less on every
 * page with a form (docs/performance.md). ClientIntl provides the catalogues a segment's client
 * components use; server components keep next-intl.
 */
type Words = { locale: string; timeZone: string | undefined; messages: Record<string, unknown> };

const Context = createContext<Words | null>(null);

export function ClientTranslationsProvider({ value, children }: { value: Words; children: React.ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function useWords() {
  const words = useContext(Context);
  if (!words) throw new Error('useTranslations needs ClientIntl in a layout above (client-intl.tsx).');
  return words;
}

function lookup(messages: Record<string, unknown>, path: string): unknown {
  let at: unknown = messages;
  for (const part of path.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

function useTranslationsImpl(namespace?: string) {
  const { locale, messages } = useWords();
  return useMemo(
    () => (key: string, values?: Values) => {
      const path = namespace ? `${namespace}.${key}` : key;
      const message = lookup(messages, path);
      if (typeof message !== 'string') {
        // As next-intl: the key's path in place of a missing message, and an error in the console.
        console.error(`Missing message: ${path} (${locale})`);
        return path;
      }
      try {
        return formatMessage(message, values, locale);
      } catch (e) {
        console.error(e);
        return path;
      }
    },
    [locale, messages, namespace],
  );
}

function useFormatterImpl() {
  const { locale, timeZone } = useWords();
  return useMemo(
    () => ({
      number: (n: number | bigint, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(n),
      dateTime: (d: Date | number, options?: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(d),
    }),
    [locale, timeZone],
  );
}

// next-intl's signatures, so that keys and namespaces are checked against the catalogues as before.
export const useTranslations = useTranslationsImpl as unknown as typeof NextIntlUseTranslations;
export const useFormatter = useFormatterImpl as unknown as typeof NextIntlUseFormatter;
