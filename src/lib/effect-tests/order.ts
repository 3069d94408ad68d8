/**
 * The order of an evaluation's pairings: supporting kindergarten's name, assisted one's, then id, as
 * the queries sort them (ORDER BY … COLLATE "C", the same on any server). A patched evaluation
 * (memo.ts) merges the pairings it kept with those evaluated again and must list them as a full
 * evaluation would.
 */
type Listed = { id: string; supporting: { name: string }; assisted: { name: string } };

/** Two lists, each in that order, made one in that order. */
export function mergeInOrder<T extends Listed>(a: readonly T[], b: readonly T[]): T[] {
  // A few into many (a write changed one pairing of 25,000): each finds its place by halving.
  if (b.length * 32 < a.length) {
    const out = [...a];
    for (const x of b) {
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (listedBefore(x, out[mid])) hi = mid;
        else lo = mid + 1;
      }
      out.splice(lo, 0, x);
    }
    return out;
  }
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(listedBefore(b[j], a[i]) ? b[j++] : a[i++]);
  return out.concat(a.slice(i), b.slice(j));
}

export function listedBefore(x: Listed, y: Listed): boolean {
  return (
    (codePointCompare(x.supporting.name, y.supporting.name) ||
      codePointCompare(x.assisted.name, y.assisted.name) ||
      codePointCompare(x.id, y.id)) < 0
  );
}

/**
 * Strings compared as PostgreSQL's "C" collation compares them (UTF-8 bytes, i.e. code points). JavaScript
 * compares UTF-16 units, which puts characters beyond U+FFFF (surrogates, D800–DFFF) before U+E000–FFFF;
 * moving the surrogates above that range restores code point order.
 */
export function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** The `k` highest scores in order, earlier rows first among equals: what a stable sort's first `k` would be. */
export function topByScore<T extends { score: number }>(items: readonly T[], k: number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && item.score <= top[k - 1].score) continue;
    let i = top.length;
    while (i > 0 && top[i - 1].score < item.score) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
