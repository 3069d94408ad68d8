// `npm run bench:size` (after `next build`): each route's first-load JavaScript, gzip-compressed
// chunk by chunk with zlib (what a browser downloads on a first visit), with the budgets flagged.
// Next 16 lists every route's first-load chunks in .next/diagnostics/route-bundle-stats.json; older
// builds without it fall back to the client reference manifests plus the root main files.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const next = path.join(root, '.next');
const KB = 1024;

/**
 * Budgets in gzip KB: route pattern → limit. Dashboards are the pages that answer each role's
 * question at a glance: the role homes (/, /city, /county, /director, /teacher), the effect-test
 * table and a pairing's effect tests. /effect-tests/settings is a form, not a dashboard.
 */
const DASHBOARDS = new Set(['/', '/city', '/county', '/director', '/teacher', '/effect-tests', '/pairings/[id]/effect-tests']);
const BUDGETS = [
  { test: (r) => DASHBOARDS.has(r), limit: 150, what: 'dashboard' },
  { test: (r) => r === '/activities/new', limit: 130, what: 'activity form' },
];

if (!existsSync(path.join(next, 'BUILD_ID'))) {
  console.error('No production build in .next: run `npm run build` first.');
  process.exit(1);
}

function routesFromDiagnostics() {
  const file = path.join(next, 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).map((r) => ({
    route: r.route,
    chunks: r.firstLoadChunkPaths.map((p) => path.join(root, p)),
  }));
}

function routesFromManifests() {
  const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8'));
  const rootFiles = [...(build.rootMainFiles ?? []), ...(build.polyfillFiles ?? [])];
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name === 'page_client-reference-manifest.js') {
        const route =
          '/' +
          path
            .relative(path.join(next, 'server', 'app'), dir)
            .split(path.sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .join('/');
        const globalThis_ = { __RSC_MANIFEST: {} };
        new Function('globalThis', readFileSync(p, 'utf8'))(globalThis_);
        const manifest = Object.values(globalThis_.__RSC_MANIFEST)[0] ?? {};
        const files = new Set(rootFiles);
        for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
        out.push({ route: route === '/' ? '/' : route.replace(/\/$/, ''), chunks: [...files].map((f) => path.join(next, f)) });
      }
    }
  };
  walk(path.join(next, 'server', 'app'));
  return out;
}

const routes = routesFromDiagnostics() ?? routesFromManifests();
const gz = new Map();
const gzipSize = (file) => {
  if (!gz.has(file)) gz.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  return gz.get(file);
};

const rows = routes
  .filter((r) => !r.route.startsWith('/_'))
  .map((r) => {
    const bytes = r.chunks.reduce((sum, f) => sum + gzipSize(f), 0);
    const budget = BUDGETS.find((b) => b.test(r.route));
    return { route: r.route, chunks: r.chunks.length, kb: bytes / KB, budget, over: budget ? bytes / KB > budget.limit : false };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const width = Math.max(...rows.map((r) => r.route.length), 5);
console.log(`${'route'.padEnd(width)}  chunks  first-load JS (gzip)  budget`);
for (const r of rows) {
  const budget = r.budget ? `≤ ${r.budget.limit} KB (${r.budget.what})${r.over ? '  OVER BUDGET' : ''}` : '';
  console.log(`${r.route.padEnd(width)}  ${String(r.chunks).padStart(6)}  ${r.kb.toFixed(1).padStart(15)} KB  ${budget}`);
}
const shared = routes.length ? routes.map((r) => new Set(r.chunks)).reduce((a, b) => new Set([...a].filter((x) => b.has(x)))) : new Set();
console.log(
  `\nShared by every route: ${shared.size} chunks, ${([...shared].reduce((s, f) => s + gzipSize(f), 0) / KB).toFixed(1)} KB gzip.`,
);
const over = rows.filter((r) => r.over);
if (over.length) {
  console.log(`Over budget: ${over.map((r) => r.route).join(', ')}`);
  process.exitCode = 1;
}
