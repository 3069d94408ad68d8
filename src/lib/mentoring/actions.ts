'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { createMentorPair, logMentorSession, updateMentorPair } from './commands';

const MENTOR_PAIR = { type: 'MentorPair' };

export async function createMentorPairAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createMentorPair(user, input, db),
    entity: MENTOR_PAIR,
    revalidate: ['/mentoring'],
    redirect: (p) => `/mentoring/${p.id}?saved=1`,
  });
}

export async function updateMentorPairAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateMentorPair(user, input, db),
    entity: MENTOR_PAIR,
    revalidate: ['/mentoring'],
    redirect: (p) => `/mentoring/${p.id}?saved=1`,
  });
}

export async function logMentorSessionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => logMentorSession(user, input, db),
    entity: { type: 'MentorPair', idField: 'mentorPairId' },
    revalidate: ['/mentoring'],
    redirect: (_s, fd) => `/mentoring/${fd.get('mentorPairId')}?saved=1`,
  });
}
