'use client';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { sendNewActivityAction } from '@/lib/activities/actions';
import { IDLE, type ActionState } from '@/lib/action-state';
import { isNetworkFailure } from '@/components/form/use-form-action';
import { writeDraft } from '@/components/form/draft-store';
import { activityFormValues } from '@/components/activities/form-values';
import { COUNT_KEY, OUTBOX_CHANGED, OUTBOX_DB } from './outbox-event';
export { newKey } from './new-key';

/**
 * New activities waiting on this device for the network (IndexedDB, so photos fit and a reload or
 * a closed tab loses nothing). Each entry is sent exactly once however often delivery starts: the
 * activity carries the idempotency key made when its form was first filled in, and each photo its
 * own (src/lib/idempotency.ts); progress (the activity's id, each photo's file id) is written back
 * after every step, so a send cut off mid-way resumes where it stopped.
 */
export type OutboxPhoto = { key: string; name: string; photo: Blob; thumb: Blob | null; fileId?: string; thumbDone?: boolean };
export type OutboxEntry = {
  /** The activity's idempotency key. */
  key: string;
  owner: string;
  /** The form as posted (repeated fields repeated). */
  fields: [string, string][];
  photos: OutboxPhoto[];
  createdAt: number;
  activityId?: string;
  /** The server answered with a refusal (the form must be corrected): not sent again by itself. */
  refused?: boolean;
};

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { owner: string } };
  /** Photos chosen on a form not yet sent, so a reload keeps them: `${owner}:${form}`. */
  draftPhotos: { key: string; value: { id: string; owner: string; photos: OutboxPhoto[] } };
}

let opened: Promise<IDBPDatabase<Schema>> | null = null;
function database() {
  opened ??= openDB<Schema>(OUTBOX_DB, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('owner', 'owner');
      db.createObjectStore('draftPhotos', { keyPath: 'id' });
    },
    // Sign-out deletes the database: let it go rather than block the deletion until the tab closes.
    blocking() {
      const db = opened;
      opened = null;
      db?.then((d) => d.close());
    },
  });
  return opened;
}

/** The count is mirrored in localStorage: sign-out must ask synchronously, before its form is sent. */
async function changed(owner: string) {
  const n = (await waiting(owner)).length;
  try {
    if (n) localStorage.setItem(COUNT_KEY, String(n));
    else localStorage.removeItem(COUNT_KEY);
  } catch {
    /* storage disabled */
  }
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
}

export async function waiting(owner: string) {
  return (await database()).getAllFromIndex('outbox', 'owner', owner);
}

/** Queues a send, keeping what an earlier attempt with the same key already delivered. */
export async function enqueue(entry: OutboxEntry) {
  const db = await database();
  const before = await db.get('outbox', entry.key);
  if (before && before.owner === entry.owner) {
    const done = new Map(before.photos.map((p) => [p.key, p]));
    entry = {
      ...entry,
      activityId: before.activityId,
      fields: before.activityId ? before.fields : entry.fields,
      photos: entry.photos.map((p) => ({ ...p, fileId: done.get(p.key)?.fileId, thumbDone: done.get(p.key)?.thumbDone })),
      createdAt: before.createdAt,
    };
  }
  await db.put('outbox', { ...entry, refused: false });
  await changed(entry.owner);
}

export async function discard(owner: string, key: string) {
  await (await database()).delete('outbox', key);
  await changed(owner);
}

export async function saveDraftPhotos(owner: string, form: string, photos: OutboxPhoto[]) {
  const db = await database();
  const id = `${owner}:${form}`;
  if (photos.length) await db.put('draftPhotos', { id, owner, photos });
  else await db.delete('draftPhotos', id);
}

/**
 * A send refused in the background (the form needs a correction): back into the new-activity form's
 * draft, photos too, and out of the queue. Here rather than in offline-status.tsx, which every page
 * loads: this module is fetched only once a page has mounted.
 */
export async function returnToForm(owner: string, entry: OutboxEntry) {
  const fd = new FormData();
  for (const [k, v] of entry.fields) fd.append(k, v);
  writeDraft(localStorage, owner, 'activity:new', activityFormValues(fd));
  await saveDraftPhotos(owner, 'activity:new', entry.photos).catch(() => {});
  await discard(owner, entry.key);
}

export async function loadDraftPhotos(owner: string, form: string) {
  const d = await (await database()).get('draftPhotos', `${owner}:${form}`);
  return d?.owner === owner ? d.photos : [];
}

export type Delivery =
  | { outcome: 'sent'; activityId: string; refusedPhotos: string[] }
  | { outcome: 'waiting' }
  | { outcome: 'refused'; state: ActionState }
  | { outcome: 'gone' };

const inFlight = new Map<string, Promise<Delivery>>();

/**
 * Sends one queued entry. Concurrent calls for the same key (the form's retry and the `online`
 * handler) share one delivery; other tabs wait on a Web Lock, then find the entry gone or resumed.
 */
export function deliver(owner: string, key: string, onProgress?: (done: number, total: number) => void): Promise<Delivery> {
  const current = inFlight.get(key);
  if (current) return current;
  const run = () => deliverNow(owner, key, onProgress);
  const p: Promise<Delivery> = (
    navigator.locks ? (navigator.locks.request(`hih-outbox:${key}`, run) as unknown as Promise<Delivery>) : run()
  ).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

async function deliverNow(owner: string, key: string, onProgress?: (done: number, total: number) => void): Promise<Delivery> {
  const db = await database();
  const entry = await db.get('outbox', key);
  if (!entry || entry.owner !== owner) return { outcome: 'gone' };
  const refusedPhotos: string[] = [];
  try {
    if (!entry.activityId) {
      const fd = new FormData();
      for (const [k, v] of entry.fields) fd.append(k, v);
      const state = await sendNewActivityAction(IDLE, fd);
      const id = state.status === 'ok' ? state.values?.id : undefined;
      if (!id) {
        await db.put('outbox', { ...entry, refused: true });
        await changed(owner);
        return { outcome: 'refused', state };
      }
      entry.activityId = id;
      await db.put('outbox', entry);
    }
    let done = entry.photos.filter((p) => p.fileId).length;
    onProgress?.(done, entry.photos.length);
    for (const photo of entry.photos) {
      if (!photo.fileId) {
        const r = await uploadPhoto(entry.activityId, photo);
        if ('error' in r) refusedPhotos.push(`${photo.name}: ${r.error}`);
        photo.fileId = 'id' in r ? r.id : 'refused';
        await db.put('outbox', entry);
        onProgress?.(++done, entry.photos.length);
      }
      if (photo.thumb && !photo.thumbDone && photo.fileId !== 'refused') {
        // A preview is a nicety: a refusal does not hold the entry back; a lost network does.
        await fetch(`/api/files/${encodeURIComponent(photo.fileId)}/thumbnail`, {
          method: 'POST',
          body: photo.thumb,
          headers: { 'Content-Type': 'application/octet-stream' },
        });
        photo.thumbDone = true;
        await db.put('outbox', entry);
      }
    }
    await db.delete('outbox', key);
    await changed(owner);
    return { outcome: 'sent', activityId: entry.activityId, refusedPhotos };
  } catch (e) {
    if (isNetworkFailure(e)) return { outcome: 'waiting' };
    throw e;
  }
}

/** One photo with its own key: sent again after a lost answer, it is stored once. */
async function uploadPhoto(activityId: string, photo: OutboxPhoto): Promise<{ id: string } | { error: string }> {
  const q = new URLSearchParams({ target: 'activity', id: activityId, name: photo.name, key: photo.key });
  const res = await fetch(`/api/files?${q}`, {
    method: 'POST',
    body: photo.photo,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
  // A gateway's error page (502, 504) on a weak link is the network failing, not a refusal.
  if (res.status >= 500) throw new TypeError(`upload answered ${res.status}`);
  if (res.ok && body.id) return { id: body.id };
  return { error: body.error ?? String(res.status) };
}
