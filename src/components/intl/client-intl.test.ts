import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The client translations' provider is only in the layouts of segments that need it (decision 011). A
// page that renders a client component calling useTranslations without one would crash, so this
// follows each page's imports and checks that such a page sits under a ClientIntl layout.
const src = path.resolve(import.meta.dirname, '../..');
const app = path.join(src, 'app');
const texts = new Map<string, string>();
const read = (f: string) => texts.get(f) ?? texts.set(f, readFileSync(f, 'utf8')).get(f)!;
const rel = (f: string) => path.relative(src, f);

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(src, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const f of [base, `${base}.tsx`, `${base}.ts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (existsSync(f) && statSync(f).isFile()) return f;
  return null;
}

// What a file may render: its static imports and re-exports (not `import type`, which brings no
// code) and its lazy `import('…')`s (OfflineStatusLater, the outbox).
function imports(file: string): string[] {
  const specs = [
    ...[...read(file).matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)]
      .filter((m) => !m[1])
      .map((m) => m[2]),
    ...[...read(file).matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
  ];
  return specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

const isClient = (f: string) => /^['"]use client['"]/m.test(read(f));
const usesClientIntl = (f: string) => isClient(f) && /\buse(Translations|Formatter|Locale|Now)\(/.test(read(f));

function reachesClientIntl(file: string, seen = new Set<string>()): string | null {
  if (seen.has(file)) return null;
  seen.add(file);
  if (usesClientIntl(file)) return file;
  for (const next of imports(file)) {
    const hit = reachesClientIntl(next, seen);
    if (hit) return hit;
  }
  return null;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), keep) : keep(e.name) ? [path.join(dir, e.name)] : [],
  );
}
const pages = (dir: string) => walk(dir, (n) => n === 'page.tsx');
// Everything Next renders of a segment: an error or not-found boundary is inside the segment's
// layout, so under its ClientIntl, and translates from the same list.
const ROUTE_FILES = ['page', 'layout', 'template', 'error', 'not-found', 'forbidden', 'unauthorized', 'loading', 'default'];
const routeFiles = (dir: string) => walk(dir, (n) => ROUTE_FILES.some((r) => n === `${r}.tsx`));

// The nearest ClientIntl above a route file (its own folder's layout included): the provider its
// client components read.
function providerOf(file: string): string | null {
  for (let dir = path.dirname(file); dir.startsWith(app); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    if (existsSync(layout) && read(layout).includes('@/components/intl/client-intl')) return layout;
  }
  return read(file).includes('<ClientIntl') ? file : null;
}

describe('translated client components have next-intl above them', () => {
  const all = pages(app);
  it('finds the pages', () => expect(all.length).toBeGreaterThan(40));
  it.each(routeFiles(app).map((p) => [rel(p)]))('%s', (file) => {
    const hit = reachesClientIntl(path.join(src, file));
    if (hit) expect(providerOf(path.join(src, file)), `${file} renders ${rel(hit)}`).not.toBeNull();
  });
  it('the dashboards need none', () => {
    for (const page of [
      'app/(app)/effect-tests/page.tsx',
      'app/(app)/city/page.tsx',
      'app/(app)/county/page.tsx',
      'app/(app)/pairings/[id]/effect-tests/page.tsx',
    ]) {
      expect(reachesClientIntl(path.join(src, page)), page).toBeNull();
    }
  });
});

// A segment gives its client components only the catalogues they use (decision 024): each route file
// under it must reach no client component translating from another one (its words would show as keys).
const EVERY = 'every catalogue';

// The catalogues (top-level keys) one client file translates from. `useTranslations()` with no
// namespace takes full keys: the first part of each literal key its translator is called with.
function ownNamespaces(file: string): string[] {
  const text = read(file);
  const out: string[] = [];
  const unknown = (why: string) => out.push(`${EVERY} (${rel(file)}: ${why})`);
  for (const m of text.matchAll(/(?:\b(?:const|let)\s+(\w+)\s*=\s*)?\buseTranslations\(\s*([^)]*?)\s*\)/g)) {
    const [, name, arg] = m;
    if (arg) {
      const ns = /^['"`]([^'"`.$]+)[^'"`$]*['"`]$/.exec(arg)?.[1];
      if (ns) out.push(ns);
      else unknown(`namespace ${arg}`);
      continue;
    }
    if (!name) {
      unknown('useTranslations() not bound to a name');
      continue;
    }
    const calls = [...text.matchAll(new RegExp(`\\b${name}(?:\\.(?:raw|rich|markup|has))?\\(\\s*([^,)]*)`, 'g'))];
    for (const [, key] of calls) {
      const ns = /^['"`]([^'"`.$]+)\./.exec(key)?.[1];
      if (ns) out.push(ns);
      else unknown(`key ${key}`);
    }
  }
  return out;
}

function clientNamespaces(file: string, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return out;
  seen.add(file);
  // The provider's own files hand out catalogues; they translate nothing.
  if (path.dirname(file) === import.meta.dirname) return out;
  if (isClient(file)) for (const ns of ownNamespaces(file)) out.add(ns);
  for (const next of imports(file)) clientNamespaces(next, out, seen);
  return out;
}

// Every use of ClientIntl in the app, with the list it passes (undefined: every catalogue).
const uses = walk(app, (n) => n.endsWith('.tsx'))
  .filter((f) => read(f).includes('@/components/intl/client-intl'))
  .map((f) => {
    const text = read(f);
    const tags = [...text.matchAll(/<ClientIntl\b([^>]*)>/g)].map((m) => m[1]);
    const lists = tags.map((attrs) => /^\s*namespaces=\{\[([^\]]*)\]\}\s*$/.exec(attrs)?.[1]);
    const list = lists.length === 1 && lists[0] !== undefined ? lists[0] : undefined;
    return { f, list: list === undefined ? undefined : new Set([...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1])) };
  });

// Segments allowed to send every catalogue, each with the reason. Every catalogue is ~60 KB of JSON
// in each page's HTML (zh), so a new entry needs a good one.
const SENDS_EVERY_CATALOGUE: Record<string, string> = {};

describe('each segment lists the catalogues its client components use', () => {
  it('finds every ClientIntl in the app', () => {
    expect(uses.map((u) => rel(u.f))).toEqual(expect.arrayContaining(['app/login/layout.tsx', 'app/(app)/activities/layout.tsx']));
    expect(uses.length).toBeGreaterThan(20);
  });

  it.each(uses.map((u) => [rel(u.f)]))('%s passes a list', (file) => {
    const use = uses.find((u) => rel(u.f) === file)!;
    if (file in SENDS_EVERY_CATALOGUE) return;
    expect(use.list, `${file} sends every catalogue: give <ClientIntl namespaces={[…]}> the ones its client components use`).toBeDefined();
  });

  it('allows sending every catalogue only where it is still done', () => {
    for (const file of Object.keys(SENDS_EVERY_CATALOGUE)) expect(uses.find((u) => rel(u.f) === file)?.list, file).toBeUndefined();
  });

  const narrowed = uses.filter((u): u is { f: string; list: Set<string> } => u.list !== undefined);
  it.each(narrowed.map((u) => [rel(u.f)]))('%s lists each catalogue it needs, and no other', (file) => {
    const { f, list } = narrowed.find((u) => rel(u.f) === file)!;
    const used = new Set<string>();
    for (const route of routeFiles(path.dirname(f))) {
      if (providerOf(route) !== f) continue; // a nested ClientIntl serves it
      const needed = clientNamespaces(route);
      for (const ns of needed) used.add(ns);
      expect(
        [...needed].filter((ns) => !list.has(ns)),
        `missing for ${rel(route)}`,
      ).toEqual([]);
    }
    expect(
      [...list].filter((ns) => !used.has(ns)),
      'listed but used by no client component',
    ).toEqual([]);
  });

  it('would name a catalogue left out', () => {
    const page = path.join(app, '(app)/activities/new/page.tsx');
    expect([...clientNamespaces(page)]).toEqual(expect.arrayContaining(['activities', 'form', 'offline']));
  });

  it('reads the catalogues of full keys', () => {
    // kindergarten-form's `tc = useTranslations()` says `tc(`area.${a}`)` and `tc('form.save')`.
    const form = path.join(src, 'components/kindergartens/kindergarten-form.tsx');
    expect(new Set(ownNamespaces(form))).toEqual(new Set(['kindergartens', 'area', 'level', 'form']));
  });
});
