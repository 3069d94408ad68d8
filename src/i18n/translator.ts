import type { createTranslator, Messages, NamespaceKeys, NestedKeyOf } from 'next-intl';

/** A namespace of the catalogue (a nested object of messages), as getTranslations('…') takes it. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The translator getTranslations/useTranslations give for a namespace (the whole catalogue when
 * omitted): the type for a helper that is handed `t`, so its keys are checked like the caller's.
 */
export type Translator<NS extends Namespace = never> = ReturnType<typeof createTranslator<Messages, NS>>;

/** A message key as a translator scoped to NS takes it (full dotted keys when NS is omitted). */
export type MessageKey<NS extends Namespace = never> = Parameters<Translator<NS>>[0];

/**
 * Only the call of a translator scoped to NS, keys checked: for a helper that does nothing but
 * translate, so a memoizing wrapper (effect-test figures) or a test's stub fits as well.
 */
export type Translate<NS extends Namespace = never> = (key: MessageKey<NS>, values?: Record<string, string | number>) => string;

/**
 * Most keys are written in code and checked by the compiler. Some are data: a command's field-error
 * key, a label built from a field name. They are checked here at run time instead, the one place a
 * string becomes a key.
 */
export function isMessageKey<NS extends Namespace = never>(t: Translator<NS>, key: string): key is MessageKey<NS> {
  return t.has(key as MessageKey<NS>);
}
