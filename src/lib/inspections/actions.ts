'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import {
  judgeInspectionItem,
  moveChecklistItem,
  saveChecklistItem,
  saveInspection,
  setChecklistItemActive,
  startInspection,
} from './commands';

export async function startInspectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => startInspection(user, input, db),
    entity: { type: 'Inspection', idField: formData.get('subject') === 'kindergarten' ? 'kindergartenId' : 'pairingId' },
    revalidate: ['/inspections'],
    redirect: (v) => `/inspections/${v.id}`,
  });
}

/** One item saved where the inspector stands: the page stays, its other items keep what is typed in them. */
export async function judgeInspectionItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => judgeInspectionItem(user, input, db),
    entity: { type: 'Inspection', idField: 'inspectionId' },
    revalidate: (v) => [`/inspections/${v.id}`],
    success: (_v, t) => ({ status: 'ok', message: t('inspections.item.saved') }),
  });
}

export async function saveInspectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveInspection(user, input, db),
    entity: { type: 'Inspection' },
    revalidate: (v) => ['/inspections', `/inspections/${v.id}`],
    redirect: (v, fd) => `/inspections/${v.id}?saved=${fd.get('intent') === 'record' ? 'recorded' : '1'}`,
  });
}

export async function saveChecklistItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => saveChecklistItem(user, input, db),
    entity: { type: 'ChecklistTemplateItem' },
    revalidate: ['/inspections/checklist'],
    redirect: (v) => `/inspections/checklist?saved=1#item-${v.id}`,
  });
}

export async function moveChecklistItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => moveChecklistItem(user, input, db),
    entity: { type: 'ChecklistTemplateItem' },
    revalidate: ['/inspections/checklist'],
    redirect: (v) => `/inspections/checklist#item-${v.id}`,
  });
}

export async function setChecklistItemActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setChecklistItemActive(user, input, db),
    entity: { type: 'ChecklistTemplateItem' },
    revalidate: ['/inspections/checklist'],
    redirect: (v) => `/inspections/checklist?saved=1#item-${v.id}`,
  });
}
