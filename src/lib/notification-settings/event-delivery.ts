import 'server-only';
import type { Tx } from '@/lib/db';
import { toLocale, type Locale } from '@/i18n/locales';
import { mailText, translatorFor } from '@/lib/mail/compose';
import { appUrl, mailSettings } from '@/lib/mail/settings';
import { queueOutbound } from '@/lib/outbox/queue';
import { channelChoice } from './channels';

type Person = { id: string; locale: string; email: string | null };

/**
 * An event's recipients split by channel: who reads it in the app, and who gets it by mail (SMTP
 * configured, an address on the account). Each person's choices apply; a mandatory kind ignores "off".
 */
export async function splitByChannel<P extends Person>(tx: Tx, people: P[], kind: string): Promise<{ inApp: P[]; email: P[] }> {
  if (people.length === 0) return { inApp: [], email: [] };
  const choose = await channelChoice(
    tx,
    people.map((p) => p.id),
    [kind],
  );
  const mail = mailSettings() != null;
  return {
    inApp: people.filter((p) => choose(p.id, kind, 'IN_APP')),
    email: mail ? people.filter((p) => p.email && choose(p.id, kind, 'EMAIL')) : [],
  };
}

/** One mail per person through the outbox, in this transaction: the title in their language and the record's link. */
export async function queueEventMail(tx: Tx, people: Person[], titles: Map<Locale, string>, href: string): Promise<void> {
  const base = appUrl();
  for (const p of people) {
    const locale = toLocale(p.locale);
    const title = titles.get(locale)!;
    const t = await translatorFor(locale);
    await queueOutbound(tx, { channel: 'EMAIL', to: p.email!, subject: title, text: mailText(t, [{ text: title, href }], base) });
  }
}
