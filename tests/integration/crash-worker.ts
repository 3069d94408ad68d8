// Run by crash.test.ts as a child process (node --import tsx --import ./scripts/outside-next.mjs) and killed with SIGKILL
// while it works: the app's own save and upload commands against the real database and local
// storage, several at once, forever. A line reaches the parent only after a command answered, so
// the parent's lines are exactly the "answered" saves and uploads.
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '@/lib/db';
import { LocalStorage } from '@/lib/storage';
import { saveActivity } from '@/lib/activities/commands';
import { TYPE_RULES } from '@/lib/activities/rules';
import { uploadEvidence } from '@/lib/evidence/commands';
import { actorFor } from '../fixtures/factories';
import { makePdf } from '../fixtures/evidence-files';

const storage = new LocalStorage(process.env.FILE_STORAGE_DIR!);
const say = (line: string) => process.stdout.write(line + '\n');

// `put KEY SOURCE`: one storage write, reading from SOURCE (a FIFO the parent feeds and stops feeding).
if (process.argv[2] === 'put') {
  say('READY');
  await storage.putFile(process.argv[3], process.argv[4]);
  say('STORED');
  process.exit(0);
}

const { directorId, pairingId, activityIds, now } = JSON.parse(process.argv[2]) as {
  directorId: string;
  pairingId: string;
  activityIds: string[];
  now: string;
};
const actor = await actorFor(db, { id: directorId });
const rule = TYPE_RULES.SENT_DEMONSTRATION;

async function saves(lane: number) {
  for (let n = 0; ; n++) {
    const title = `crash ${lane}-${n}`;
    const r = await saveActivity(
      actor,
      {
        pairingId,
        type: 'SENT_DEMONSTRATION',
        direction: rule.direction,
        targetArea: rule.targetArea,
        status: 'DONE',
        title,
        startDate: '2026-03-05',
        startTime: '09:00',
        location: rule.location === 'required' ? '柳湾镇中心幼儿园' : '',
        classHours: rule.classHours === 'required' ? '1.5' : '',
        childCount: rule.childCount === 'required' ? '30' : '',
        donationLines: [],
      },
      db,
      new Date(now),
    );
    if (!r.ok) throw new Error(`save refused: ${JSON.stringify(r)}`);
    say(`SAVED ${(r.value as { id: string }).id} ${title}`);
  }
}

/** A 2-4 MB document sent in slow chunks, so the kill lands while bytes are spooled or stored. */
async function* slowBody(bytes: Buffer) {
  for (let i = 0; i < bytes.length; i += 256 * 1024) {
    yield bytes.subarray(i, i + 256 * 1024);
    await sleep(2);
  }
}

async function uploads(lane: number) {
  for (let n = 0; ; n++) {
    const bytes = Buffer.concat([makePdf(`crash ${lane}-${n}`), Buffer.alloc((2 + (n % 3)) * 1024 * 1024, n)]);
    const activityId = activityIds[(lane + n) % activityIds.length];
    const r = await uploadEvidence(
      actor,
      { target: 'activity', id: activityId, name: `crash-${lane}-${n}.pdf` },
      Readable.from(slowBody(bytes)),
      db,
      storage,
    );
    if (!r.ok) throw new Error(`upload refused: ${JSON.stringify(r)}`);
    say(`UPLOADED ${r.value.id}`);
  }
}

say('READY');
await Promise.all([saves(0), saves(1), saves(2), uploads(0), uploads(1)]);
