/**
 * Rectifications (整改) in 清河区 (issue 10), from the two recorded inspections the inspections seed made
 * there: the earlier one's finding was answered with a photo and accepted (closed); the later one's is
 * overdue, still open, for the demo director to answer. Findings are looked up, not assumed: without a
 * recorded inspection with a failed or partly met item, nothing is made.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { makePng } from '../tests/fixtures/evidence-files';
import { cityTimeZone } from '../src/lib/time/city-zone';
import { dateOnly, isoOf } from '../src/lib/time/date-only';
import { localDate, zonedToInstant } from '../src/lib/time/zoned';

const DAY = 86_400_000;
const plus = (iso: string, days: number) => isoOf(new Date(dateOnly(iso).getTime() + days * DAY));

type Inspected = { id: string; code: string; countyId: string };

export async function seedRectifications(db: PrismaClient, now = new Date()) {
  const tz = await cityTimeZone(db);
  const today = localDate(now, tz);
  const county = await db.region.findUnique({ where: { code: 'JZ-QH' }, select: { id: true } });
  const admin = county && (await db.user.findFirst({ where: { role: 'COUNTY_ADMIN', regionId: county.id }, select: { id: true } }));
  if (!county || !admin) return;
  const inQinghe = { countyId: county.id };
  const kg = { select: { id: true, code: true, countyId: true } };
  const inspections = await db.inspection.findMany({
    where: {
      status: 'RECORDED',
      OR: [{ kindergarten: inQinghe }, { pairing: { supporting: inQinghe } }, { pairing: { assisted: inQinghe } }],
      items: { some: { result: { in: ['FAILS', 'PARTLY'] } } },
    },
    orderBy: { inspectedOn: 'asc' },
    take: 2,
    select: {
      id: true,
      inspectedOn: true,
      pairingId: true,
      kindergarten: kg,
      pairing: { select: { supporting: kg, assisted: kg } },
      items: { where: { result: { in: ['FAILS', 'PARTLY'] } }, orderBy: { position: 'asc' }, take: 1, select: { id: true, title: true } },
    },
  });
  if (
    inspections.length === 0 ||
    (await db.rectification.count({ where: { inspectionItemId: { in: inspections.map((i) => i.items[0].id) } } }))
  )
    return;

  /** The kindergarten that must act: the assisted side (or the one inspected), in 清河区. */
  const actingOn = (i: (typeof inspections)[number]): Inspected | null => {
    const candidates = i.pairing ? [i.pairing.assisted, i.pairing.supporting] : i.kindergarten ? [i.kindergarten] : [];
    return candidates.find((k) => k.countyId === county.id) ?? null;
  };
  /** 10:00 plus `minutes` on a city day; never after now (an inspection of the last days). */
  const at = (iso: string, minutes = 0) => {
    const t = new Date(zonedToInstant(iso, '10:00', tz).getTime() + minutes * 60_000);
    return t < now ? t : new Date(now.getTime() - 60_000);
  };

  const [closed, overdue] = inspections;
  const closedKg = actingOn(closed);
  if (closedKg) {
    const day = isoOf(closed.inspectedOn);
    const director = await db.user.findFirst({ where: { role: 'DIRECTOR', kindergartenId: closedKg.id }, select: { id: true } });
    if (director) {
      const r = await db.rectification.create({
        data: {
          kindergartenId: closedKg.id,
          pairingId: closed.pairingId,
          inspectionItemId: closed.items[0].id,
          officeCountyId: county.id,
          requirement: `针对督查发现的问题「${closed.items[0].title}」：三周内补齐相关记录，制定改进措施并报区教育局验收。`,
          deadline: dateOnly(plus(day, 21)),
          status: 'CLOSED',
          closedAt: at(plus(day, 16)),
          createdById: admin.id,
          createdAt: at(plus(day, 1)),
          version: 3,
        },
      });
      await seedPhoto(db, { rectificationId: r.id, kindergartenId: closedKg.id, uploadedById: director.id, createdAt: at(plus(day, 13)) });
      await db.rectificationAnswer.create({
        data: {
          rectificationId: r.id,
          number: 1,
          measures: '已按要求整改：完善工作计划，丰富活动形式，补写学期总结并装订归档，由业务园长每周检查；照片为整改后的档案。',
          answeredAt: at(plus(day, 14)),
          answeredById: director.id,
          accepted: true,
          reviewComment: '整改到位，予以通过。',
          reviewedAt: at(plus(day, 16)),
          reviewedById: admin.id,
        },
      });
    }
  }

  const overdueKg = overdue && actingOn(overdue);
  if (overdue && overdueKg) {
    const day = isoOf(overdue.inspectedOn);
    // Past due for the demo: a month after the inspection, or three days ago when that is still ahead.
    const deadline = [plus(day, 30), plus(today, -3)].sort()[0];
    await db.rectification.create({
      data: {
        kindergartenId: overdueKg.id,
        pairingId: overdue.pairingId,
        inspectionItemId: overdue.items[0].id,
        officeCountyId: county.id,
        requirement: `针对督查发现的问题「${overdue.items[0].title}」：制定整改方案，落实到人，整改完成后上传照片或材料。`,
        deadline: dateOnly(deadline),
        createdById: admin.id,
        createdAt: at(day, 420),
      },
    });
  }
}

/** A photo on local storage, as an upload would leave it (skipped where files go to S3: the row would name no bytes). */
async function seedPhoto(db: PrismaClient, f: { rectificationId: string; kindergartenId: string; uploadedById: string; createdAt: Date }) {
  if (process.env.S3_BUCKET) return;
  const root = path.resolve(process.env.FILE_STORAGE_DIR ?? path.join(process.cwd(), '.data', 'files'));
  const bytes = makePng(320, 240, 5);
  const storageKey = `${f.createdAt.toISOString().slice(0, 7)}/${randomUUID()}`;
  await mkdir(path.join(root, path.dirname(storageKey)), { recursive: true });
  await writeFile(path.join(root, storageKey), bytes, { mode: 0o600 });
  await db.evidenceFile.create({
    data: {
      storageKey,
      originalName: '整改后档案.png',
      mimeType: 'image/png',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      kind: 'PHOTO',
      ...f,
    },
  });
}
