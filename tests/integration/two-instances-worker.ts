// One "web instance" for two-instances.test.ts, run as a child process (node --import tsx --import
// ./scripts/outside-next.mjs, as `npm run worker` runs): its own process, its own connection pool (DATABASE_URL, as the
// least-privilege app role), its own storage object (FILE_STORAGE_DIR or S3_*), running the modules
// the Next.js server runs for sessions, uploads, sign-in throttling and the API's rate limit.
// Requests arrive as JSON lines on stdin; each answer is one JSON line on stdout.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { createSession, signOutSession, validateSession } from '@/lib/auth/sessions';
import { recordSignInFailure, signInWait } from '@/lib/auth/throttle';
import { authenticateToken } from '@/lib/api-tokens/authenticate';
import { uploadEvidence } from '@/lib/evidence/commands';
import { actorFor } from '../fixtures/factories';

type Request = { n: number; op: string; [k: string]: unknown };

async function handle(r: Request): Promise<unknown> {
  const now = r.now ? new Date(r.now as string) : new Date();
  switch (r.op) {
    case 'whoami': {
      const [row] = await db.$queryRaw<{ pid: number; app: string; role: string }[]>`
        SELECT pg_backend_pid() AS pid, current_setting('application_name') AS app, current_user::text AS role`;
      return { ...row, os: process.pid };
    }
    case 'signIn': {
      const user = await db.user.findUniqueOrThrow({ where: { id: r.userId as string }, select: { id: true, securityStamp: true } });
      return createSession(user);
    }
    case 'validate': {
      const v = await validateSession(r.sessionId as string, now);
      return 'user' in v ? { userId: v.user.id } : v;
    }
    case 'signOut':
      return signOutSession(r.sessionId as string);
    case 'upload': {
      const actor = await actorFor(db, { id: r.userId as string });
      const bytes = Buffer.from(r.base64 as string, 'base64');
      const result = await uploadEvidence(actor, r.input, Readable.from([bytes]), db, getStorage(), { declaredSize: bytes.length });
      return result.ok ? { id: result.value.id } : result;
    }
    case 'download': {
      const file = await db.evidenceFile.findUniqueOrThrow({ where: { id: r.fileId as string }, select: { storageKey: true } });
      const chunks: Buffer[] = [];
      for await (const chunk of await getStorage().read(file.storageKey)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('base64');
    }
    case 'signInFailure':
      return recordSignInFailure(db, r.identifier as string, r.address as string, now);
    case 'signInWait':
      return signInWait(db, r.identifier as string, r.address as string, now);
    case 'api': {
      const res = await authenticateToken(`Bearer ${r.token as string}`, now);
      return 'status' in res ? res.status : 200;
    }
  }
  throw new Error(`unknown op ${r.op}`);
}

const say = (line: unknown) => process.stdout.write(JSON.stringify(line) + '\n');
// One request at a time, in order: the parent decides the interleaving between the two instances.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const r = JSON.parse(line) as Request;
  queue = queue.then(async () => {
    try {
      say({ n: r.n, value: (await handle(r)) ?? null });
    } catch (error) {
      say({ n: r.n, error: String(error) });
    }
  });
});
say({ n: 0, value: 'ready' });
