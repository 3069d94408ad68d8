import 'server-only';
import { createTranslator, type Messages } from 'next-intl';
import { loadMessages } from '@/i18n/catalogue';
import type { Locale } from '@/i18n/locales';
import type { MessageKey, Translator } from '@/i18n/translator';

const catalogues = new Map<Locale, Promise<Messages>>();

/** The whole catalogue's translator in one language, outside a request (jobs, mails, inbox lines). */
export async function translatorFor(locale: Locale): Promise<Translator> {
  let m = catalogues.get(locale);
  if (!m) catalogues.set(locale, (m = loadMessages(locale)));
  return createTranslator({ locale, messages: await m });
}

/** A catalogue key built from data (a notification kind); the catalogue has every kind (a unit test checks). */
export function kindTitleKey(kind: string): MessageKey {
  return `notifications.kinds.${kind}.title` as MessageKey;
}

export type MailLine = { text: string; href: string };

/**
 * The text of a notification mail: each line with the address that opens its record, then where to
 * change what one receives. Plain text: mail clients in schools vary, and links stay clickable.
 */
export function mailText(t: Translator, lines: MailLine[], appUrl: string): string {
  const body = lines.map((l) => `${l.text}\n${appUrl}${l.href}`).join('\n\n');
  return `${body}\n\n--\n${t('notifications.mail.footer', { url: `${appUrl}/account/notifications` })}\n`;
}
