import 'server-only';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/session';
import type { ActionState } from '@/lib/action-state';
import type { CommandResult } from '@/lib/command-result';

const MESSAGES = {
  invalid: 'form.fixErrors',
  notFound: 'errors.notFound',
  notAllowed: 'activities.errors.notAllowed',
  conflict: 'form.errors.conflict',
  wrongState: 'activities.errors.wrongState',
} as const;

/**
 * A failed command as the form shows it: a localized message, localized field errors, and what
 * was typed. "Not found" is also written to the audit trail (denied access), like a 404 page.
 */
export async function failureState(
  user: SessionUser,
  result: Extract<CommandResult<unknown>, { ok: false }>,
  values: Record<string, string>,
  entity: { entityType: string; entityId?: string | null },
): Promise<ActionState> {
  const t = await getTranslations();
  if (result.error === 'notFound') {
    await db.$transaction((tx) =>
      writeAudit(tx, { actor: user, action: 'access.denied', ...entity, countyId: user.countyId, kindergartenId: user.kindergartenId }),
    );
  }
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors ?? {}).map(([field, keys]) => [field, keys.map((k) => (t.has(k) ? t(k) : t('form.errors.invalid')))]),
  );
  return { status: 'error', message: t(MESSAGES[result.error]), fieldErrors, values };
}
