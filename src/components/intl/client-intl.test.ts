import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The client translations' provider is only in the layouts of segments that need it (decision 011). A
// page that renders a client component calling useTranslations without one would crash, so this
// follows each page's imports and checks that such a page sits under a ClientIntl layout.
const src = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(f, 'utf8');

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(src, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const f of [base, `${base}.tsx`, `${base}.ts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (existsSync(f) && statSync(f).isFile()) return f;
  return null;
}

const usesClientIntl = (f: string) => /^['"]use client['"]/m.test(read(f)) && /\buse(Translations|Formatter|Locale|Now)\(/.test(read(f));

function reachesClientIntl(file: string, seen = new Set<string>()): string | null {
  if (seen.has(file)) return null;
  seen.add(file);
  if (usesClientIntl(file)) return file;
  for (const m of read(file).matchAll(/from\s+['"]([^'"]+)['"]/g)) {
    const next = resolveImport(file, m[1]);
    const hit = next && reachesClientIntl(next, seen);
    if (hit) return hit;
  }
  return null;
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === 'page.tsx' ? [path.join(dir, e.name)] : [],
  );
}

function underClientIntl(page: string) {
  for (let dir = path.dirname(page); dir.startsWith(path.join(src, 'app')); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    if (existsSync(layout) && read(layout).includes('@/components/intl/client-intl')) return true;
  }
  return read(page).includes('<ClientIntl');
}

describe('translated client components have next-intl above them', () => {
  const all = pages(path.join(src, 'app'));
  it('finds the pages', () => expect(all.length).toBeGreaterThan(40));
  it.each(all.map((p) => [path.relative(src, p)]))('%s', (rel) => {
    const hit = reachesClientIntl(path.join(src, rel));
    if (hit) expect(underClientIntl(path.join(src, rel)), `${rel} renders ${path.relative(src, hit)}`).toBe(true);
  });
  it('the dashboards need none', () => {
    for (const rel of [
      'app/(app)/effect-tests/page.tsx',
      'app/(app)/city/page.tsx',
      'app/(app)/county/page.tsx',
      'app/(app)/pairings/[id]/effect-tests/page.tsx',
    ]) {
      expect(reachesClientIntl(path.join(src, rel)), rel).toBeNull();
    }
  });
});

// A segment may give its client components only some catalogues (decision 024): each page under it
// must reach no client component translating from another one (its words would show as keys).
function clientNamespaces(file: string, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return out;
  seen.add(file);
  const text = read(file);
  if (/^['"]use client['"]/m.test(text)) {
    for (const m of text.matchAll(/\buseTranslations\(\s*([^)]*?)\s*\)/g)) {
      // No namespace (or a computed one) may use any catalogue: name the file instead.
      out.add(/^['"]([^'".]+)[^'"]*['"]$/.exec(m[1])?.[1] ?? `every catalogue (${path.relative(src, file)})`);
    }
  }
  for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
    const next = resolveImport(file, m[1]);
    if (next) clientNamespaces(next, out, seen);
  }
  return out;
}

function layouts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? layouts(path.join(dir, e.name)) : e.name === 'layout.tsx' ? [path.join(dir, e.name)] : [],
  );
}

describe('a segment that lists its catalogues lists all it uses', () => {
  const narrowed = layouts(path.join(src, 'app'))
    .map((f) => ({ f, list: /<ClientIntl\s+namespaces=\{\[([^\]]*)\]\}/.exec(read(f))?.[1] }))
    .filter((l): l is { f: string; list: string } => l.list !== undefined);
  it('finds the sign-in page’s', () => expect(narrowed.map((l) => path.relative(src, l.f))).toContain('app/login/layout.tsx'));
  it.each(narrowed.map((l) => [path.relative(src, l.f), l.list]))('%s', (rel, list) => {
    const given = new Set([...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]));
    for (const page of pages(path.dirname(path.join(src, rel)))) {
      const missing = [...clientNamespaces(page)].filter((ns) => !given.has(ns));
      expect(missing, path.relative(src, page)).toEqual([]);
    }
  });
  it('would name a catalogue left out', () => {
    const page = path.join(src, 'app/(app)/activities/new/page.tsx');
    expect([...clientNamespaces(page)]).toEqual(expect.arrayContaining(['activities', 'form', 'offline']));
  });
});
