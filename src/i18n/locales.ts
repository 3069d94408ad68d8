export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'locale';
/**
 * Set when someone picks a language while signed out (on the sign-in page): only then is the
 * language cookie their own choice. Without it the cookie may be left by the previous user of a
 * shared computer, and signing in applies the language stored with the account instead.
 */
export const LOCALE_PICKED_COOKIE = 'locale_picked';

export function toLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/** BCP 47 tags for <html lang> and Intl. */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
