'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { formValues, type ActionState } from '@/lib/action-state';
import { failureState } from '@/lib/command-state';
import type { CommandResult } from '@/lib/command-result';
import type { ActorWithName } from '@/lib/authz';
import {
  addProgrammeRecord, confirmPaper, createMentorPair, createPaper, evaluateLesson, logMentorSession, saveAnnualPlan, saveLesson, saveProgramme, updateMentorPair, updatePaper,
} from './commands';

type Command = (actor: ActorWithName, raw: unknown, db: typeof import('@/lib/db').db) => Promise<CommandResult>;

/** Every teaching form posts flat fields: run the command, then revalidate and go to `to(id)`. */
async function run(formData: FormData, command: Command, entityType: string, to: (id: string, fd: FormData) => string, paths: string[]): Promise<ActionState> {
  const user = await requireUser();
  const result = await command(user, Object.fromEntries(formData), db);
  if (!result.ok) return failureState(user, result, formValues(formData), { entityType, entityId: String(formData.get('id') ?? '') || null });
  for (const p of paths) revalidatePath(p);
  redirect(to(result.value.id, formData));
}

export async function saveLessonAction(_p: ActionState, fd: FormData) {
  return run(fd, saveLesson, 'LessonRecord', (id) => `/lessons/${id}?saved=1`, ['/lessons']);
}
export async function evaluateLessonAction(_p: ActionState, fd: FormData) {
  return run(fd, evaluateLesson, 'LessonRecord', (id) => `/lessons/${id}?saved=1`, ['/lessons']);
}
export async function createMentorPairAction(_p: ActionState, fd: FormData) {
  return run(fd, createMentorPair, 'MentorPair', (id) => `/mentoring/${id}?saved=1`, ['/mentoring']);
}
export async function updateMentorPairAction(_p: ActionState, fd: FormData) {
  return run(fd, updateMentorPair, 'MentorPair', (id) => `/mentoring/${id}?saved=1`, ['/mentoring']);
}
export async function logMentorSessionAction(_p: ActionState, fd: FormData) {
  return run(fd, logMentorSession, 'MentorPair', (_id, f) => `/mentoring/${f.get('mentorPairId')}?saved=1`, ['/mentoring']);
}
export async function createPaperAction(_p: ActionState, fd: FormData) {
  return run(fd, createPaper, 'Paper', (id) => `/papers?saved=1#paper-${id}`, ['/papers']);
}
export async function updatePaperAction(_p: ActionState, fd: FormData) {
  return run(fd, updatePaper, 'Paper', (id) => `/papers?saved=1#paper-${id}`, ['/papers']);
}
export async function confirmPaperAction(_p: ActionState, fd: FormData) {
  return run(fd, confirmPaper, 'Paper', (id) => `/papers?saved=1#paper-${id}`, ['/papers']);
}
export async function saveProgrammeAction(_p: ActionState, fd: FormData) {
  return run(fd, saveProgramme, 'Programme', (id) => `/programmes/${id}?saved=1`, ['/programmes']);
}
export async function addProgrammeRecordAction(_p: ActionState, fd: FormData) {
  return run(fd, addProgrammeRecord, 'Programme', (_id, f) => `/programmes/${f.get('programmeId')}?saved=1`, ['/programmes']);
}
export async function saveAnnualPlanAction(_p: ActionState, fd: FormData) {
  return run(fd, saveAnnualPlan, 'AnnualPlan', (_id, f) => `/annual-plans/${f.get('pairingId')}/${f.get('academicYear')}?saved=1`, ['/annual-plans']);
}
