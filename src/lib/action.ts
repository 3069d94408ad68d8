import 'server-only';
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { isMessageKey, type MessageKey, type Translator } from '@/i18n/translator';
import { auditDenied } from '@/lib/audit';
import { requireUser, type SessionUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import type { ErrorCode, Failure, Message, Result } from '@/lib/result';
import { db } from '@/lib/db';
import { queueKeptRefresh } from '@/lib/effect-tests/kept';

/** The sentence shown for each failure unless the command or the action names another. */
const DEFAULT_MESSAGES: Record<ErrorCode, MessageKey> = {
  invalid: 'form.fixErrors',
  notFound: 'errors.notFound',
  notAllowed: 'errors.notAllowed',
  conflict: 'form.errors.conflict',
  wrongState: 'errors.wrongState',
};

export type ActionSpec<T> = {
  /** The core command: (user, raw input) → Result. It parses, checks scope and audits in its transaction. */
  command: (user: SessionUser, input: unknown) => Promise<Result<T>>;
  /** What a denied attempt is recorded against; the id defaults to the form's `id` field. */
  entity: { type: string; idField?: string };
  /** Raw input from the form; defaults to its fields as strings (`Object.fromEntries`). */
  input?: (formData: FormData) => unknown;
  /** What the form shows again after a failure; defaults to every field but `$`-prefixed ones. */
  values?: (formData: FormData) => Record<string, string>;
  /** Sentences for this action's failures, by code (catalogue keys). */
  messages?: Partial<Record<ErrorCode, MessageKey>>;
  /** How a field of a refused concurrent save is named and shown (conflicts that carry changes). */
  conflict?: {
    /** The catalogue key naming a field; field names are data from the command, so the key is checked when shown. */
    label: (field: string) => string;
    show?: (field: string, value: string, t: Translator) => string | Promise<string>;
    title?: MessageKey;
  };
  revalidate?: string[] | ((value: T, formData: FormData) => string[]);
  /** A layout whose every page shows what changed (the calendar in every header): revalidatePath(path, 'layout'). */
  revalidateLayout?: string;
  /** Where to go on success; without it the action answers with `success`. */
  redirect?: (value: T, formData: FormData) => string;
  success?: (value: T, t: Translator) => ActionState | Promise<ActionState>;
  /** For the password change itself: a user who must change a one-time password may still call it. */
  allowPasswordChange?: boolean;
};

export function translate(t: Translator, m: Message): string {
  const { key, values } = typeof m === 'string' ? { key: m, values: undefined } : m;
  return isMessageKey(t, key) ? t(key, values) : t('form.errors.invalid');
}

/**
 * The one path of every server action: user → command (parse, scope, change and audit in one
 * transaction) → action state → revalidate → redirect. Expected failures come back as a localized
 * ActionState holding what was typed; anything else is thrown to the error page.
 */
export async function runAction<T>(formData: FormData, spec: ActionSpec<T>): Promise<ActionState> {
  const user = await requireUser({ allowPasswordChange: spec.allowPasswordChange });
  const result = await spec.command(user, spec.input ? spec.input(formData) : Object.fromEntries(formData));
  if (!result.ok) return failureState(user, result, formData, spec);
  // A change may have marked effect-test results stale (triggers, decision 027): refreshed soon after the answer.
  after(() => queueKeptRefresh(db));
  const paths = typeof spec.revalidate === 'function' ? spec.revalidate(result.value, formData) : (spec.revalidate ?? []);
  for (const p of paths) revalidatePath(p);
  if (spec.revalidateLayout) revalidatePath(spec.revalidateLayout, 'layout');
  if (spec.redirect) redirect(spec.redirect(result.value, formData));
  return spec.success ? spec.success(result.value, await getTranslations()) : { status: 'ok' };
}

async function failureState<T>(user: SessionUser, f: Failure, formData: FormData, spec: ActionSpec<T>): Promise<ActionState> {
  const t = await getTranslations();
  const values = spec.values ? spec.values(formData) : formValues(formData);
  if (f.error === 'notFound' || f.error === 'notAllowed') {
    const id = formData.get(spec.entity.idField ?? 'id');
    await auditDenied(user, { entityType: spec.entity.type, entityId: typeof id === 'string' ? id : null });
  }
  const fieldErrors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const [field, messages] of Object.entries(f.fieldErrors ?? {})) {
    const texts = messages.map((m) => translate(t, m));
    if (field === 'form') general.push(...texts);
    else fieldErrors[field] = texts;
  }
  const message = f.message ? translate(t, f.message) : general.join(' ') || t(spec.messages?.[f.error] ?? DEFAULT_MESSAGES[f.error]);
  const state: ActionState = { status: 'error', message, fieldErrors, values };
  if (f.error === 'conflict' && f.conflict) {
    // What they typed stays, now based on the stored version: saving again is a deliberate overwrite.
    state.values = { ...values, version: String(f.conflict.version) };
    const c = f.conflict;
    if (c.changes && spec.conflict) {
      const format = await getFormatter();
      const show = spec.conflict.show ?? ((_f: string, v: string) => v);
      // A label with no message shows as its key, as next-intl shows a missing message.
      const label = (key: string) => (isMessageKey(t, key) ? t(key) : key);
      state.conflict = {
        title: t(spec.conflict.title ?? 'pairings.conflict.title', {
          name: c.updatedBy ?? t('pairings.conflict.someone'),
          time: c.updatedAt ? format.dateTime(new Date(c.updatedAt), { dateStyle: 'short', timeStyle: 'short' }) : '',
        }),
        changes: await Promise.all(
          c.changes.map(async (ch) => ({
            label: label(spec.conflict!.label(ch.field)),
            theirs: await show(ch.field, ch.theirs, t),
            current: await show(ch.field, ch.current, t),
          })),
        ),
      };
    }
  }
  return state;
}
