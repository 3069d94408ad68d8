'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { issueToken, MAX_ACTIVE_TOKENS, revokeOwnToken } from './commands';

const EXPIRY_DAYS = { '30': 30, '90': 90, '365': 365, never: null } as const;

const CreateTokenInput = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(80, 'nameTooLong'),
  expires: z.enum(['30', '90', '365', 'never']).default('90'),
});

export type CreateTokenState = ActionState & { token?: string };

/** The token travels back once, in this answer, to be shown once. */
export async function createToken(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireUser();
  const t = await getTranslations('api.tokens');
  const parsed = CreateTokenInput.safeParse({ name: formData.get('name') ?? '', expires: formData.get('expires') ?? undefined });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return { status: 'error', message: t('fix'), fieldErrors: { name: flat.name?.map((k) => t(k)), expires: flat.expires?.map(() => t('fix')) }, values: formValues(formData) };
  }
  const result = await issueToken(user, { name: parsed.data.name, expiresInDays: EXPIRY_DAYS[parsed.data.expires] });
  if (!result.ok) return { status: 'error', message: t(result.error, { max: MAX_ACTIVE_TOKENS }), values: formValues(formData) };
  revalidatePath('/account/tokens');
  return { status: 'ok', message: t('created'), token: result.token };
}

const RevokeInput = z.object({ id: z.string().min(1).max(64) });

export async function revokeToken(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = RevokeInput.safeParse({ id: formData.get('id') });
  if (!parsed.success) return;
  await revokeOwnToken(user, parsed.data.id);
  revalidatePath('/account/tokens');
}
