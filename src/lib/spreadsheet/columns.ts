/** A spreadsheet column, named in both languages so one file works for every user. */
export type ColumnSpec<K extends string = string> = { key: K; zh: string; en: string; width?: number; text?: boolean };

export function bilingualHeader(c: ColumnSpec) {
  return `${c.zh} ${c.en}`;
}

// Spaces, slashes and brackets vary with whoever typed the header: "代码 Code", "代码/Code", "Code（代码）".
function squash(s: string) {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s/\\()（）【】[\]_\-:：,，.*]+/g, '');
}

export type HeaderMatch<K extends string> = { index: Partial<Record<K, number>>; unknown: string[]; duplicate: K[] };

/** Finds each column by its Chinese, English or bilingual header, in any order. */
export function matchHeaders<K extends string>(headers: string[], columns: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const names = new Map<string, K>();
  for (const c of columns) {
    for (const n of [c.zh, c.en, `${c.zh}${c.en}`, `${c.en}${c.zh}`]) names.set(squash(n), c.key);
  }
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  const duplicate: K[] = [];
  headers.forEach((h, i) => {
    if (!h.trim()) return;
    const key = names.get(squash(h));
    if (!key) unknown.push(h.trim());
    else if (index[key] !== undefined) duplicate.push(key);
    else index[key] = i;
  });
  return { index, unknown, duplicate };
}
