'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { issueToken, revokeOwnToken } from './commands';

const TOKEN = { type: 'PersonalAccessToken' };

export type CreateTokenState = ActionState & { token?: string };

/** The token travels back once, in this answer, to be shown once. */
export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  return runAction(formData, {
    command: (user, input) => issueToken(user, input, db),
    entity: TOKEN,
    messages: { invalid: 'api.tokens.fix', notAllowed: 'api.tokens.notAllowed' },
    revalidate: ['/account/tokens'],
    success: ({ token }, t): CreateTokenState => ({ status: 'ok', message: t('api.tokens.created'), token }),
  });
}

export async function revokeTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => revokeOwnToken(user, input, db),
    entity: TOKEN,
    revalidate: ['/account/tokens'],
  });
}
