// Two web instances against one database (docs/deployment.md): each a process of its own
// (two-instances-worker.ts) with its own connection pool as the app's least-privilege role and its
// own storage object over one shared folder (or one S3 bucket), running the modules the Next.js
// server runs. A session made on one is valid, and ended, on the other; a file uploaded through one
// is served by the other; sign-in failures and API requests count across both. Not two `next start`
// servers: a production build per run is more than this shared 2-core machine affords within a test,
// and the HTTP layer holds none of this state (it calls these modules). The job queue with two
// workers ("each job runs once") is tests/integration/queue.test.ts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { issueToken } from '@/lib/api-tokens/commands';
import { PAIR_FREE_FAILURES } from '@/lib/auth/throttle';
import { actorFor, uniqueSuffix } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';
import { makePdf } from '../fixtures/evidence-files';

const root = path.resolve(import.meta.dirname, '../..');
const RATE_LIMIT = 6;

type Instance = { call: (op: string, args?: Record<string, unknown>) => Promise<unknown>; child: ChildProcessWithoutNullStreams };

function startInstance(name: string, filesDir: string): Promise<Instance> {
  const url = new URL(inject('appDatabaseUrl'));
  url.searchParams.set('application_name', name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    FILE_STORAGE_DIR: filesDir,
    API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    DB_POOL_SIZE: '3',
  };
  delete env.S3_BUCKET;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/outside-next.mjs', 'tests/integration/two-instances-worker.ts'],
    {
      cwd: root,
      env,
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let n = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as { n: number; value?: unknown; error?: string };
    const w = waiting.get(answer.n);
    waiting.delete(answer.n);
    if (answer.error) w?.reject(new Error(`${name}: ${answer.error}`));
    else w?.resolve(answer.value);
  });
  const call = (op: string, args: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++n;
      waiting.set(id, { resolve, reject });
      child.stdin.write(JSON.stringify({ n: id, op, ...args }) + '\n');
    });
  return new Promise((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve({ call, child }), reject });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${stderr}`)));
  });
}

let filesDir: string;
let a: Instance;
let b: Instance;
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'hih-two-instances-'));
  await chmod(filesDir, 0o755);
  [a, b] = await Promise.all([startInstance('hih-instance-a', filesDir), startInstance('hih-instance-b', filesDir)]);
});
afterAll(async () => {
  for (const i of [a, b]) i?.child.kill('SIGTERM');
  await rm(filesDir, { recursive: true, force: true });
});

describe('two web instances on one database', () => {
  it('are two processes with their own connections, as the least-privilege role', async () => {
    const [ia, ib] = (await Promise.all([a.call('whoami'), b.call('whoami')])) as { pid: number; app: string; role: string; os: number }[];
    expect([ia.app, ib.app]).toEqual(['hih-instance-a', 'hih-instance-b']);
    expect(ia.pid).not.toBe(ib.pid);
    expect(ia.os).not.toBe(ib.os);
    expect(ia.role).toMatch(/_app$/);
  });

  it('a session made on one is valid on the other, and signing out on the other ends it on both', async () => {
    const w = await createPairingWorld(db);
    const sessionId = await a.call('signIn', { userId: w.directorA.id });
    expect(await b.call('validate', { sessionId })).toEqual({ userId: w.directorA.id });
    expect(await a.call('validate', { sessionId })).toEqual({ userId: w.directorA.id });
    await b.call('signOut', { sessionId });
    expect(await a.call('validate', { sessionId })).toEqual({ ended: 'signedOut' });
    expect(await b.call('validate', { sessionId })).toEqual({ ended: 'signedOut' });
  });

  it('a file uploaded through one is served by the other, byte for byte', async () => {
    const w = await createPairingWorld(db);
    const activity = await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'PLANNED',
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      title: '两台实例的上传',
      classHours: 2,
    });
    const bytes = makePdf(`two instances ${uniqueSuffix()}`);
    const uploaded = (await a.call('upload', {
      userId: w.directorA.id,
      input: { target: 'activity', id: activity.id, name: '课件.pdf' },
      base64: bytes.toString('base64'),
    })) as { id: string };
    expect(uploaded.id).toEqual(expect.any(String));
    expect(Buffer.from((await b.call('download', { fileId: uploaded.id })) as string, 'base64').equals(bytes)).toBe(true);
    expect((await readdir(filesDir, { recursive: true })).length).toBeGreaterThan(0); // the shared folder, not a private one
  });

  it('counts sign-in failures from both instances together', async () => {
    const identifier = `guess-${uniqueSuffix()}@mail.test.cn`;
    const address = '203.0.113.7';
    const now = new Date().toISOString();
    // The free failures, alternately on each instance; none of them alone went past the free count.
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) await (i % 2 ? b : a).call('signInFailure', { identifier, address, now });
    expect(await a.call('signInWait', { identifier, address, now })).toBe(0);
    await b.call('signInFailure', { identifier, address, now });
    // One more on B makes A wait too: the count is in PostgreSQL, not in either process.
    expect(await a.call('signInWait', { identifier, address, now })).toBeGreaterThan(0);
    expect(await b.call('signInWait', { identifier, address, now })).toBeGreaterThan(0);
  });

  it('counts API requests of one token on both instances against one limit', async () => {
    const w = await createPairingWorld(db);
    const issued = await issueToken(await actorFor(db, w.countyAdminA), { name: 'two instances', expires: '30' }, db);
    if (!issued.ok) throw new Error(issued.error);
    const token = issued.value.token;
    // One instant for every call: the window is a minute, and the run must not straddle two.
    const now = new Date().toISOString();
    const answers: unknown[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) answers.push(await (i % 2 ? b : a).call('api', { token, now }));
    expect(answers).toEqual(Array(RATE_LIMIT).fill(200));
    expect(await a.call('api', { token, now })).toBe(429);
    expect(await b.call('api', { token, now })).toBe(429);
  });
});
