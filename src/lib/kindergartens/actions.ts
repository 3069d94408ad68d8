'use server';
import { db } from '@/lib/db';
import { runAction, type ActionSpec } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { isMessageKey } from '@/i18n/translator';
import { createKindergarten, setKindergartenActive, updateKindergarten } from './commands';
import { commitKindergartenImport, previewKindergartenImport } from './import';

const KINDERGARTEN = { type: 'Kindergarten' };
const BATCH = { type: 'ImportBatch', idField: 'batchId' };

/** A refused save shows each differing field as people read it: county names, area and level in words. */
const conflict: ActionSpec<unknown>['conflict'] = {
  // The form's county field is stored as countyId; its label is the county's.
  label: (field) => `kindergartens.${field === 'countyId' ? 'county' : field}`,
  title: 'kindergartens.conflictTitle',
  show: async (field, value, t) => {
    if (!value) return '';
    if (field === 'countyId') return (await db.region.findUnique({ where: { id: value }, select: { name: true } }))?.name ?? value;
    const key = `${field}.${value}`;
    if ((field === 'area' || field === 'level') && isMessageKey(t, key)) return t(key);
    return value;
  },
};

export async function createKindergartenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => createKindergarten(user, input, db),
    entity: KINDERGARTEN,
    revalidate: ['/kindergartens'],
    redirect: (k) => `/kindergartens/${k.id}?saved=1`,
  });
}

export async function updateKindergartenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => updateKindergarten(user, input, db),
    entity: KINDERGARTEN,
    // What they typed stays, based on the stored version, with the differences beside it.
    messages: { conflict: 'pairings.conflict.resave' },
    conflict,
    revalidate: ['/kindergartens'],
    redirect: (k) => `/kindergartens/${k.id}?saved=1`,
  });
}

export async function setKindergartenActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => setKindergartenActive(user, input, db),
    entity: KINDERGARTEN,
    values: () => ({}),
    revalidate: ['/kindergartens'],
    success: (k, t) => ({ status: 'ok', message: t(k.active ? 'kindergartens.activated' : 'kindergartens.deactivated') }),
  });
}

export async function previewKindergartenImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => previewKindergartenImport(user, input, db),
    entity: BATCH,
    redirect: (p) => `/kindergartens/import/${p.batchId}`,
  });
}

export async function commitKindergartenImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => commitKindergartenImport(user, input, db),
    entity: BATCH,
    revalidate: ['/kindergartens'],
    redirect: ({ created, updated, unchanged }, form) =>
      `/kindergartens/import/${form.get('batchId')}?created=${created}&updated=${updated}&unchanged=${unchanged}`,
  });
}
