/**
 * How an audit entry's before/after reads on the trail page: one line per field that changed,
 * "label: old → new", ids shown as the names they stand for. Pure, so the page and tests share it.
 */

export type AuditChange = { field: string; before?: unknown; after?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields an entry changed. Two objects: the keys whose values differ (a key only on one side is
 * set or removed). Anything else (a value recorded without field names) is one unnamed change.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => !(k in b && k in a && same(b[k], a[k])))
      .map((k) => ({ field: k, ...(k in b ? { before: b[k] } : {}), ...(k in a ? { after: a[k] } : {}) }));
  }
  return [{ field: '', ...(before != null ? { before } : {}), ...(after != null ? { after } : {}) }];
}

/** Keys that hold a record's id (`userId`, `supportingId`) or a list of them (`participantIds`). */
const ID_KEY = /Id$/;
const IDS_KEY = /Ids$/;

/** Every id an entry refers to, in its before/after (nested too) and as its entity: looked up as names, in one batch per page. */
export function referencedIds(entries: { entityId: string | null; before: unknown; after: unknown }[]): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v))
      for (const [k, x] of Object.entries(v)) {
        if (ID_KEY.test(k) && typeof x === 'string') ids.add(x);
        else if (IDS_KEY.test(k) && Array.isArray(x)) x.forEach((y) => typeof y === 'string' && ids.add(y));
        else walk(x);
      }
  };
  for (const e of entries) {
    if (e.entityId) ids.add(e.entityId);
    walk(e.before);
    walk(e.after);
  }
  return [...ids];
}

/** A recorded value as text: ids the viewer may see by name, lists joined, anything else as recorded. */
export function showValue(v: unknown, names: Record<string, string>): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'string') return names[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => showValue(x, names)).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
