'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { addProgrammeRecord, saveProgramme } from './commands';

export async function saveProgrammeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveProgramme(user, input, db),
    entity: { type: 'Programme' },
    revalidate: ['/programmes'],
    redirect: (p) => `/programmes/${p.id}?saved=1`,
  });
}

export async function addProgrammeRecordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => addProgrammeRecord(user, input, db),
    entity: { type: 'Programme', idField: 'programmeId' },
    revalidate: ['/programmes'],
    redirect: (_r, fd) => `/programmes/${fd.get('programmeId')}?saved=1`,
  });
}
