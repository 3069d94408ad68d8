'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { printServiceRecord } from './commands';

/** Prints, then opens the PDF of what was printed (the browser downloads it). */
export async function printServiceRecordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => printServiceRecord(user, input, db),
    entity: { type: 'User' },
    revalidate: (_v, f) => [`/service-records/${String(f.get('id'))}`],
    redirect: (p, f) => `/service-records/${String(f.get('id'))}?printed=${p.code}`,
  });
}
