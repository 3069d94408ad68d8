'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { evaluateLesson, saveLesson } from './commands';

const LESSON = { type: 'LessonRecord' };

export async function saveLessonAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveLesson(user, input, db),
    entity: LESSON,
    revalidate: ['/lessons'],
    redirect: (l) => `/lessons/${l.id}?saved=1`,
  });
}

export async function evaluateLessonAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => evaluateLesson(user, input, db),
    entity: LESSON,
    revalidate: ['/lessons'],
    redirect: (l) => `/lessons/${l.id}?saved=1`,
  });
}
