'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { requireUser } from '@/lib/session';
import { can } from '@/lib/authz';
import { formValues, type ActionState } from '@/lib/action-state';
import { generateToken, hashToken, lastFour } from './token';

export const MAX_ACTIVE_TOKENS = 20;
const EXPIRY_DAYS = { '30': 30, '90': 90, '365': 365, never: null } as const;

const CreateTokenInput = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(80, 'nameTooLong'),
  expires: z.enum(['30', '90', '365', 'never']).default('90'),
});

export type CreateTokenState = ActionState & { token?: string };

/** The token is returned once, in this answer; only its hash is stored. */
export async function createToken(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireUser();
  const t = await getTranslations('api.tokens');
  if (!can(user, 'apiToken.manage', { ownerId: user.id })) return { status: 'error', message: t('notAllowed') };
  const parsed = CreateTokenInput.safeParse({ name: formData.get('name') ?? '', expires: formData.get('expires') ?? undefined });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return { status: 'error', message: t('fix'), fieldErrors: { name: flat.name?.map((k) => t(k)), expires: flat.expires?.map(() => t('fix')) }, values: formValues(formData) };
  }
  const active = await db.personalAccessToken.count({ where: { ownerId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
  if (active >= MAX_ACTIVE_TOKENS) return { status: 'error', message: t('tooMany', { max: MAX_ACTIVE_TOKENS }), values: formValues(formData) };

  const token = generateToken();
  const days = EXPIRY_DAYS[parsed.data.expires];
  const expiresAt = days == null ? null : new Date(Date.now() + days * 86400_000);
  await db.$transaction(async (tx) => {
    const row = await tx.personalAccessToken.create({
      data: { ownerId: user.id, name: parsed.data.name, tokenHash: hashToken(token), lastFour: lastFour(token), expiresAt },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: user, action: 'apiToken.created', entityType: 'PersonalAccessToken', entityId: row.id,
      countyId: user.countyId, kindergartenId: user.kindergartenId,
      after: { name: parsed.data.name, lastFour: lastFour(token), expiresAt },
    });
  });
  revalidatePath('/account/tokens');
  return { status: 'ok', message: t('created'), token };
}

const RevokeInput = z.object({ id: z.string().min(1).max(64) });

/** Only the owner revokes; someone else's token id answers as if it did not exist. */
export async function revokeToken(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = RevokeInput.safeParse({ id: formData.get('id') });
  if (!parsed.success) return;
  const row = await db.personalAccessToken.findUnique({ where: { id: parsed.data.id }, select: { id: true, ownerId: true, name: true, lastFour: true, revokedAt: true } });
  if (!row || row.revokedAt || !can(user, 'account.updateOwn', { ownerId: row.ownerId })) return;
  await db.$transaction(async (tx) => {
    await tx.personalAccessToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor: user, action: 'apiToken.revoked', entityType: 'PersonalAccessToken', entityId: row.id,
      countyId: user.countyId, kindergartenId: user.kindergartenId, before: { name: row.name, lastFour: row.lastFour },
    });
  });
  revalidatePath('/account/tokens');
}
