/**
 * Spot checks and signals in 清河区 (issue 10, decision 019):
 * - a late-entered activity: 机关幼儿园 → 白沙镇幼儿园 logged a demonstration class 70 days after it happened;
 * - a near-duplicate photo: a demo photo of 江州市实验幼儿园 → 柳湾镇中心幼儿园's observation visit, and the same
 *   picture re-encoded and scaled down (as another phone would send it) on a 机关幼儿园 → 白沙镇 record;
 * - a spot check of 清河区 over the last 120 days, drawn with the real algorithm and a recorded code, with
 *   the record that carries signals questioned (存疑) and the others verified (属实).
 * The photos' bytes are written where local storage keeps uploads (storage.ts cannot be loaded outside
 * the server); with S3 storage the photos are left out. Runs once (skipped when a spot check exists).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { createActivity } from '../tests/fixtures/activity-factories';
import { makeScenePhoto, reencoded } from '../tests/fixtures/photos';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';
import { dateOnly } from '../src/lib/time/date-only';
import { addDays } from '../src/lib/cycles/periods';
import { perceptualHash } from '../src/lib/signals/fingerprint';
import { computeSignals, kindsByActivity, signalSettings, subjectIds } from '../src/lib/signals/sql';
import { drawSample } from '../src/lib/spot-checks/draw';
import { buildDrawMethod, weighPopulation } from '../src/lib/spot-checks/method';

const DAY = 86_400_000;
const SAMPLE_SIZE = 6;

/** A photo stored as an upload would be: bytes under a random key, a row with its hashes. */
async function storePhoto(
  db: PrismaClient,
  bytes: Buffer,
  row: { name: string; activityId: string; kindergartenId: string; uploadedById: string; capturedAt: Date | null; createdAt: Date },
) {
  if (process.env.S3_BUCKET) return null;
  const root = path.resolve(process.env.FILE_STORAGE_DIR ?? path.join(process.cwd(), '.data', 'files'));
  const storageKey = `${row.createdAt.toISOString().slice(0, 7)}/${randomUUID()}`;
  await mkdir(path.dirname(path.join(root, storageKey)), { recursive: true });
  await writeFile(path.join(root, storageKey), bytes, { mode: 0o600 });
  return db.evidenceFile.create({
    data: {
      storageKey,
      originalName: row.name,
      mimeType: 'image/jpeg',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      kind: 'PHOTO',
      uploadedById: row.uploadedById,
      kindergartenId: row.kindergartenId,
      activityId: row.activityId,
      phash: await perceptualHash(bytes),
      capturedAt: row.capturedAt,
      createdAt: row.createdAt,
    },
  });
}

export async function seedSpotChecks(db: PrismaClient, now = new Date()) {
  if ((await db.spotCheck.count()) > 0) return;
  const tz = await cityTimeZone(db);
  const day = (days: number, time = '09:00') => zonedToInstant(localDate(new Date(now.getTime() + days * DAY), tz), time, tz);
  const [county, cycle] = await Promise.all([
    db.region.findUnique({ where: { code: 'JZ-QH' }, select: { id: true } }),
    db.cycle.findUnique({ where: { startYear: 2025 } }),
  ]);
  if (!county || !cycle) return;
  const admin = await db.user.findFirst({ where: { role: 'COUNTY_ADMIN', regionId: county.id }, select: { id: true } });
  const pairing = (sup: string, ass: string) =>
    db.pairing.findFirst({
      where: { cycleId: cycle.id, supporting: { code: sup }, assisted: { code: ass } },
      include: {
        supporting: { select: { id: true, users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
        assisted: { select: { id: true, users: { where: { role: 'DIRECTOR' }, select: { id: true } } } },
      },
    });
  const [shiyan, jiguan] = await Promise.all([pairing('QH-01', 'QH-04'), pairing('QH-02', 'QH-06')]);
  if (!admin || !shiyan || !jiguan) return;
  const jiguanDirector = jiguan.supporting.users[0]?.id;
  const baishaDirector = jiguan.assisted.users[0]?.id;
  const shiyanDirector = shiyan.supporting.users[0]?.id;
  if (!jiguanDirector || !baishaDirector || !shiyanDirector) return;

  // Every demo record is written when the seed runs, which would make nearly every past one "entered
  // late": like most real ones, they were entered the day they happened. (Records held as late
  // corrections keep their entry time.)
  await db.$executeRaw`UPDATE "Activity" SET "createdAt" = coalesce("endsAt", "startsAt") + interval '3 hours'
    WHERE status = 'DONE' AND "lateCorrection" IS NULL AND "createdAt" > coalesce("endsAt", "startsAt") + interval '1 day'`;

  // Entered long after it happened (lateEntry): 70 days later, beyond the city's 30.
  const late = await createActivity(db, {
    pairingId: jiguan.id,
    recordingKindergartenId: jiguan.supporting.id,
    createdById: jiguanDirector,
    type: 'SENT_DEMONSTRATION',
    direction: 'TO_ASSISTED',
    targetArea: 'TEACHERS',
    status: 'DONE',
    title: '送教下乡：中班美术示范课',
    startsAt: day(-80, '09:30'),
    location: '清河区白沙镇幼儿园',
    classHours: 2,
    plan: '示范中班美术活动“秋天的树”，课后与白沙镇幼儿园教师研讨。',
    measures: '机关幼儿园骨干教师执教，白沙镇幼儿园全体中班教师观摩。',
    record: '幼儿用树叶拼贴作画，教师引导观察叶子的形状和颜色；课后研讨材料投放与提问方式。',
    summary: '白沙镇幼儿园教师计划下月在本园开展同类活动。',
    participantIds: [jiguanDirector, baishaDirector],
  });
  await db.activity.update({ where: { id: late.id }, data: { createdAt: day(-10, '20:15'), updatedAt: day(-10, '20:15') } });

  // The same picture on two records (similarPhoto): the original with its capture time on 实验幼儿园's
  // observation visit, a re-encoded, scaled-down copy on one of 机关幼儿园's records.
  const [visit, other] = await Promise.all([
    db.activity.findFirst({
      where: { pairingId: shiyan.id, status: 'DONE', startsAt: { lt: now } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, createdAt: true },
    }),
    db.activity.findFirst({
      where: { pairingId: jiguan.id, status: 'DONE', startsAt: { lt: now, gte: day(-60) }, id: { not: late.id } },
      orderBy: { startsAt: 'desc' },
      select: { id: true, startsAt: true, createdAt: true },
    }),
  ]);
  if (visit && other) {
    const wall = localDate(visit.startsAt, tz).replace(/-/g, ':');
    const original = await makeScenePhoto(2026, { capturedAt: `${wall} 10:05:00` });
    await storePhoto(db, original, {
      name: '一日活动观摩.jpg',
      activityId: visit.id,
      kindergartenId: shiyan.supporting.id,
      uploadedById: shiyanDirector,
      capturedAt: zonedToInstant(localDate(visit.startsAt, tz), '10:05', tz),
      createdAt: visit.createdAt,
    });
    await storePhoto(db, await reencoded(original, { width: 960, quality: 60 }), {
      name: '活动照片.jpg',
      activityId: other.id,
      kindergartenId: jiguan.supporting.id,
      uploadedById: jiguanDirector,
      capturedAt: null,
      createdAt: other.createdAt,
    });
  }

  // A spot check of 清河区 drawn as the app draws: population, signals, weights, a recorded code.
  const today = localDate(now, tz);
  const subjects = { scope: { countyId: county.id }, from: addDays(today, -120), to: today };
  const settings = await signalSettings(db, { countyId: county.id });
  const ids = await subjectIds(db, subjects, tz);
  if (ids.length === 0) return;
  const kinds = kindsByActivity(await computeSignals(db, subjects, { settings, timeZone: tz }));
  const population = weighPopulation(ids, kinds);
  // The first demo code whose sample holds the late entry and the re-encoded photo's record, so the demo
  // shows a record questioned and a signal that checked out (the photo came from a joint session of both pairings).
  const wanted = [late.id, ...(other ? [other.id] : [])];
  let seed = 'qinghe-2026-1';
  let drawn = drawSample(population, SAMPLE_SIZE, seed);
  for (let n = 2; n <= 500 && !wanted.every((id) => drawn.includes(id)); n++)
    drawn = drawSample(population, SAMPLE_SIZE, (seed = `qinghe-2026-${n}`));
  const questioned = drawn.includes(late.id) ? late.id : (drawn.find((id) => (kinds.get(id)?.length ?? 0) > 0) ?? drawn[0]);
  const NOTES = {
    questioned: '活动结束两个多月后才录入。请园方说明情况，并补充签到表、现场照片等原始材料。',
    photo: '照片与另一条记录中的相似，经核对是两个结对联合教研时共用的现场照片，活动属实。',
    verified: '与签到表、现场照片核对一致。',
  };
  const checkedAt = day(-2, '15:00');
  await db.spotCheck.create({
    data: {
      countyId: county.id,
      periodFrom: dateOnly(subjects.from),
      periodTo: dateOnly(subjects.to),
      sampleSize: SAMPLE_SIZE,
      seed,
      method: buildDrawMethod(population, settings, tz) as never,
      createdById: admin.id,
      createdAt: day(-3, '10:00'),
      items: {
        create: drawn.map((activityId, i) => ({
          activityId,
          position: i + 1,
          signalsAtDraw: kinds.get(activityId) ?? [],
          verdict: activityId === questioned ? ('QUESTIONED' as const) : ('VERIFIED' as const),
          note: activityId === questioned ? NOTES.questioned : activityId === other?.id ? NOTES.photo : NOTES.verified,
          checkedAt,
          checkedById: admin.id,
          version: 2,
        })),
      },
    },
  });
}
