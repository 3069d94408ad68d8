import type { Metadata } from 'next';
import type { MessageKeys, Messages, NestedKeyOf } from 'next-intl';
import { getTranslations } from 'next-intl/server';

type Key = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A page's `generateMetadata`: its title in the tab, the history and a home-screen shortcut, from
 * one catalogue key in the reader's language; the root layout's template adds " · 手拉手".
 */
export function titled(key: Key): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations())(key) });
}
