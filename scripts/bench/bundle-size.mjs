// `npm run bench:size` (after `next build`): each route's first-load JavaScript, gzip-compressed
// chunk by chunk with zlib (what a browser downloads on a first visit), with the budgets flagged.
// Next 16 lists every route's first-load chunks in .next/diagnostics/route-bundle-stats.json; older
// builds without it fall back to the client reference manifests plus the root main files.
// Beside each route it prints the floor (issue 13): the same measure of a bare app built with this
// project's Next.js and React (scripts/bench/floor-app, built in a temporary folder; `--no-floor`
// skips that build, ~30 s), and the targets set against it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KB = 1024;

/**
 * Budgets in gzip KB: route pattern → limit. Dashboards are the pages that answer each role's
 * question at a glance: the role homes (/, /city, /county, /director, /teacher), the effect-test
 * table and a pairing's effect tests. /effect-tests/settings is a form, not a dashboard.
 */
const DASHBOARDS = new Set(['/', '/city', '/county', '/director', '/teacher', '/effect-tests', '/pairings/[id]/effect-tests']);
const BUDGETS = [
  { test: (r) => DASHBOARDS.has(r), limit: 150, what: 'dashboard' },
  // Was 130 KB, set before the floor was measured: a bare page of this Next.js and React is 131.5 KB,
  // so the limit now follows issue 13's target (floor + 15 KB) for the case --no-floor cannot tell.
  { test: (r) => r === '/activities/new', limit: 147, what: 'activity form' },
];
/** Issue 13's targets: at most this many KB over the floor (a bare page of the same stack). */
const TARGET_DASHBOARDS = new Set(['/', '/city', '/county', '/director', '/teacher', '/effect-tests']);
const TARGETS = [
  { test: (r) => TARGET_DASHBOARDS.has(r), over: 5 },
  { test: (r) => r === '/activities/new', over: 15 },
];

function routesFromDiagnostics(appRoot) {
  const file = path.join(appRoot, '.next', 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).map((r) => ({
    route: r.route,
    chunks: r.firstLoadChunkPaths.map((p) => path.join(appRoot, p)),
  }));
}

function routesFromManifests(appRoot) {
  const next = path.join(appRoot, '.next');
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

const gz = new Map();
const gzipSize = (file) => {
  if (!gz.has(file)) gz.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  return gz.get(file);
};

/** Every route of the production build in appRoot: its first-load chunks and their gzip KB. */
function measure(appRoot) {
  return (routesFromDiagnostics(appRoot) ?? routesFromManifests(appRoot)).map((r) => ({
    ...r,
    kb: r.chunks.reduce((sum, f) => sum + gzipSize(f), 0) / KB,
  }));
}

const versionOf = (pkg) => JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const commonAncestor = (a, b) => {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
};

/** Builds scripts/bench/floor-app with this project's node_modules and measures it like the project. */
function measureFloor() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hih-bench-floor-'));
  try {
    cpSync(path.join(root, 'scripts', 'bench', 'floor-app'), dir, { recursive: true });
    const modules = realpathSync(path.join(root, 'node_modules'));
    symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
    // Turbopack compiles nothing outside its root: the root must hold the linked node_modules too.
    const turbopackRoot = commonAncestor(realpathSync(dir), modules);
    writeFileSync(
      path.join(dir, 'next.config.mjs'),
      `export default ${JSON.stringify({ turbopack: { root: turbopackRoot }, typescript: { ignoreBuildErrors: true } })};\n`,
    );
    // The project's compiler options, so that only the pages differ.
    const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    delete tsconfig.compilerOptions.paths;
    tsconfig.exclude = ['node_modules'];
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const built = spawnSync(process.execPath, [path.join(modules, 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (built.status !== 0) throw new Error(`next build of the floor app failed:\n${(built.stdout + built.stderr).slice(-4000)}`);
    const routes = new Map(measure(dir).map((r) => [r.route, r.kb]));
    return { page: routes.get('/'), form: routes.get('/form') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let floor = null;
if (!process.argv.includes('--no-floor')) {
  floor = measureFloor();
  console.log(
    `Floor: a bare page with Next.js ${versionOf('next')} and React ${versionOf('react')}, built the same way: ` +
      `${floor.page.toFixed(1)} KB gzip; with a useActionState form ${floor.form.toFixed(1)} KB (floor + ${(floor.form - floor.page).toFixed(1)} KB).\n`,
  );
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build in .next: run `npm run build` first.');
  process.exit(1);
}

const routes = measure(root);
const rows = routes
  .filter((r) => !r.route.startsWith('/_'))
  .map((r) => {
    const budget = BUDGETS.find((b) => b.test(r.route));
    const target = floor && TARGETS.find((t) => t.test(r.route));
    return {
      route: r.route,
      chunks: r.chunks.length,
      kb: r.kb,
      budget,
      over: budget ? r.kb > budget.limit : false,
      target,
      missed: target ? r.kb > floor.page + target.over : false,
    };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const width = Math.max(...rows.map((r) => r.route.length), 5);
const signed = (kb, width = 0) => `${kb < 0 ? '-' : '+'} ${Math.abs(kb).toFixed(1).padStart(width)} KB`;
console.log(`${'route'.padEnd(width)}  chunks  first-load JS (gzip)${floor ? '  over the floor' : ''}  budget`);
for (const r of rows) {
  const vsFloor = floor ? `  floor ${signed(r.kb - floor.page, 4)}` : '';
  const budget = r.budget ? `  ≤ ${r.budget.limit} KB (${r.budget.what})${r.over ? '  OVER BUDGET' : ''}` : '';
  const target = r.target ? `  target ≤ floor + ${r.target.over} KB: ${r.missed ? 'MISSED' : 'met'}` : '';
  console.log(`${r.route.padEnd(width)}  ${String(r.chunks).padStart(6)}  ${r.kb.toFixed(1).padStart(15)} KB${vsFloor}${budget}${target}`);
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
const missed = rows.filter((r) => r.missed);
if (missed.length) {
  console.log(`Issue 13 targets missed: ${missed.map((r) => `${r.route} (floor ${signed(r.kb - floor.page)})`).join(', ')}`);
  process.exitCode = 1;
}
