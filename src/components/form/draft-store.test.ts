import { describe, expect, it } from 'vitest';
import { draftStorageKey, readDraft, removeAllDrafts, removeDraft, writeDraft } from './draft-store';

/** localStorage's interface over a Map (Vitest runs these in Node, which has no localStorage). */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

describe('local drafts on a shared browser', () => {
  it('keeps a draft under its owner: another user signing in on the same browser is offered nothing', () => {
    const s = memoryStorage();
    writeDraft(s, 'director-a', 'activity:new', { title: '送教下乡' }, 1000);
    expect(readDraft(s, 'director-a', 'activity:new')).toEqual({ owner: 'director-a', values: { title: '送教下乡' }, savedAt: 1000 });
    expect(readDraft(s, 'director-b', 'activity:new')).toBeNull();
    expect(draftStorageKey('director-a', 'activity:new')).toBe('hih-draft:director-a:activity:new');
  });

  it("ignores a draft whose recorded owner is not the reader, even under the reader's key", () => {
    const s = memoryStorage();
    s.setItem(draftStorageKey('director-b', 'activity:new'), JSON.stringify({ owner: 'director-a', values: { title: 'x' }, savedAt: 1 }));
    expect(readDraft(s, 'director-b', 'activity:new')).toBeNull();
    // The ownerless drafts of older versions are never offered either.
    s.setItem('hih-draft:activity:new', JSON.stringify({ values: { title: 'x' }, savedAt: 1 }));
    s.setItem(draftStorageKey('director-b', 'lesson:new'), JSON.stringify({ values: { title: 'x' }, savedAt: 1 }));
    expect(readDraft(s, 'director-b', 'lesson:new')).toBeNull();
    expect(readDraft(s, 'director-b', 'nothing')).toBeNull();
    s.setItem(draftStorageKey('director-b', 'broken'), '{');
    expect(readDraft(s, 'director-b', 'broken')).toBeNull();
  });

  it('removes every draft, of every user and format, at sign-out, and nothing else', () => {
    const s = memoryStorage();
    writeDraft(s, 'director-a', 'activity:new', { title: 'a' });
    writeDraft(s, 'teacher-c', 'lesson:l1', { topic: 'b' });
    s.setItem('hih-draft:activity:new', '{}');
    s.setItem('locale-hint', 'zh');
    removeAllDrafts(s);
    expect([...s.map.keys()]).toEqual(['locale-hint']);
  });

  it('removes one draft after its save', () => {
    const s = memoryStorage();
    writeDraft(s, 'director-a', 'activity:new', { title: 'a' });
    removeDraft(s, 'director-a', 'activity:new');
    expect(s.length).toBe(0);
  });
});
