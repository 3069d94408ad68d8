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

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const suites = [
  // Lint and format first: cheap to fix, and a failure here is not a test result.
  { name: 'lint', run: () => run('npm', ['run', 'lint', '--silent']), counts: () => null },
  {
    name: 'unit',
    run: () =>
      run(bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile=${results}/unit.json`]),
    counts: () => vitestCounts(`${results}/unit.json`),
  },
  {
    name: 'integration',
    run: () =>
      run(bin('vitest'), [
        'run',
        '--project',
        'integration',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${results}/integration.json`,
      ]),
    counts: () => vitestCounts(`${results}/integration.json`),
  },
  { name: 'e2e', run: () => run(bin('playwright'), ['test']), counts: () => playwrightCounts(`${results}/e2e.json`) },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name} ===`);
  const code = await suite.run();
  const c = suite.counts() ?? { passed: 0, failed: 0, skipped: 0 };
  // A runner that crashed before reporting still counts as a failure.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  lines.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed${code !== 0 ? ` (exit ${code})` : ''}`);
}
console.log('\n' + lines.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
