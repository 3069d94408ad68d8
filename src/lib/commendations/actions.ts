'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { advanceRound, createRound, decideNomination, nominate, withdrawNomination } from './commands';

const ROUND = { type: 'CommendationRound' };
const NOMINATION = { type: 'Nomination' };
const roundPage = (f: FormData) => [`/commendations/${String(f.get('roundId') ?? f.get('id'))}`];

export async function createRoundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createRound(user, input, db),
    entity: ROUND,
    revalidate: ['/commendations'],
    redirect: (r) => `/commendations/${r.id}`,
  });
}

export async function advanceRoundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => advanceRound(user, input, db),
    entity: ROUND,
    revalidate: (_v, f) => ['/commendations', ...roundPage(f)],
  });
}

export async function nominateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => nominate(user, input, db),
    entity: NOMINATION,
    revalidate: (_v, f) => roundPage(f),
  });
}

export async function withdrawNominationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => withdrawNomination(user, input, db),
    entity: NOMINATION,
    revalidate: (_v, f) => roundPage(f),
  });
}

export async function decideNominationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => decideNomination(user, input, db),
    entity: NOMINATION,
    revalidate: (_v, f) => roundPage(f),
  });
}
