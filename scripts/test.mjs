// `npm test`: lint and format check, then unit, integration (real PostgreSQL) and end-to-end (Chromium against the production
// build) suites, one after another, then one summary line: "N passed, N failed".
// Needs nothing running beforehand; every suite starts and stops what it uses.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`

// What each suite printed, so a suite that dies before reporting can be explained in the summary.
const output = new Map();
const MAX_LINES = 20_000;

function run(name, cmd, args, env = {}) {
  return new Promise((resolve) => {
    // Piped (to keep a copy) yet still coloured when the runner itself writes to a terminal.
    const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
    const child = spawn(cmd, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, ...color, ...env } });
    const lines = [];
    output.set(name, lines);
    const keep = (chunk) => {
      if (lines.length < MAX_LINES) lines.push(...chunk.toString('utf8').split('\n'));
    };
    child.stdout.on('data', (c) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c) => (process.stderr.write(c), keep(c)));
    child.on('error', (error) => lines.push(String(error.stack ?? error)));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The first lines that say what went wrong (an error, a refused spawn), else the last lines printed. */
function firstErrorLines(lines, count = 12) {
  const plain = lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trimEnd());
  const at = plain.findIndex((l) => /\b(\w*Error|EACCES|ENOENT|ECONNREFUSED|ERR!|failed)\b/.test(l));
  const picked = at >= 0 ? plain.slice(at, at + count) : plain.filter(Boolean).slice(-count);
  return picked.filter((l, i) => l || i < picked.length - 1);
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

/** Each failed test's name and the first line of its error, so the summary (all a CI log may keep) names them. */
function vitestFailures(file) {
  if (!existsSync(file)) return [];
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return r.testResults.flatMap((f) =>
    f.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${path.relative(root, f.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`),
  );
}

function playwrightFailures(file) {
  if (!existsSync(file)) return [];
  const found = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const error = t.results?.find((r) => r.error)?.error?.message;
          found.push(`${spec.file} › ${spec.title} [${t.projectName}${t.status === 'flaky' ? ', flaky' : ''}]: ${firstLine(error)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite);
  return found;
}

const firstLine = (text) =>
  (text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 200) ?? '';

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const suites = [
  // Lint and format first: cheap to fix, and a failure here is not a test result.
  { name: 'lint', run: () => run('lint', 'npm', ['run', 'lint', '--silent']), counts: () => null },
  {
    name: 'unit',
    run: () =>
      run('unit', bin('vitest'), [
        'run',
        '--project',
        'unit',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${results}/unit.json`,
      ]),
    counts: () => vitestCounts(`${results}/unit.json`),
    failures: () => vitestFailures(`${results}/unit.json`),
  },
  {
    name: 'integration',
    run: () =>
      run('integration', bin('vitest'), [
        'run',
        '--project',
        'integration',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${results}/integration.json`,
      ]),
    counts: () => vitestCounts(`${results}/integration.json`),
    failures: () => vitestFailures(`${results}/integration.json`),
  },
  {
    name: 'e2e',
    run: () => run('e2e', bin('playwright'), ['test']),
    counts: () => playwrightCounts(`${results}/e2e.json`),
    failures: () => playwrightFailures(`${results}/e2e.json`),
  },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name} ===`);
  const code = await suite.run();
  const reported = suite.counts();
  const c = reported ?? { passed: 0, failed: 0, skipped: 0 };
  const ranNothing = c.passed + c.failed === 0;
  // A runner that crashed before reporting still counts as a failure, and the summary says why.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  lines.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed${code !== 0 ? ` (exit ${code})` : ''}`);
  lines.push(...(suite.failures?.() ?? []).map((f) => `  ✗ ${f}`));
  if (code !== 0 && ranNothing && suite.name !== 'lint') {
    lines.push(
      `  ${suite.name} stopped before running its tests:`,
      ...firstErrorLines(output.get(suite.name) ?? []).map((l) => `  | ${l}`),
    );
  }
}
console.log('\n' + lines.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
