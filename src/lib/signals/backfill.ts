/**
 * `npm run evidence:fingerprint`: perceptual hashes (and EXIF capture times, where the stored file
 * still has them) for photos stored before uploads made them. Batch by batch, each batch's updates
 * and its audit entry in one transaction; a photo that cannot be read keeps no hash and is reported.
 */
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import type { FileStorage } from '@/lib/storage';
import { cityTimeZone } from '@/lib/time/city-zone';
import { fingerprintPhoto } from './fingerprint';

const BATCH = 50;

async function bytesOf(storage: FileStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export type BackfillReport = { photos: number; hashed: number; dated: number; unreadable: string[] };

export async function fingerprintStoredPhotos(
  db: Db,
  storage: FileStorage,
  { now = new Date(), onBatch }: { now?: Date; onBatch?: (done: number) => void } = {},
): Promise<BackfillReport> {
  const timeZone = await cityTimeZone(db);
  const report: BackfillReport = { photos: 0, hashed: 0, dated: 0, unreadable: [] };
  let after = '';
  for (;;) {
    // By id, so that a photo that cannot be read is passed once, not fetched again in every batch.
    const batch = await db.evidenceFile.findMany({
      where: { kind: 'PHOTO', phash: null, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, storageKey: true, capturedAt: true, kindergartenId: true },
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1].id;
    const updates: { id: string; phash: string; capturedAt: Date | null }[] = [];
    for (const f of batch) {
      report.photos += 1;
      const bytes = await bytesOf(storage, f.storageKey).catch(() => null);
      const print = bytes ? await fingerprintPhoto(bytes, { timeZone, now }) : null;
      if (!print?.phash) {
        report.unreadable.push(f.id);
        continue;
      }
      updates.push({ id: f.id, phash: print.phash, capturedAt: f.capturedAt ? null : print.capturedAt });
    }
    if (updates.length === 0) continue;
    await db.$transaction(async (tx) => {
      for (const u of updates)
        await tx.evidenceFile.update({
          where: { id: u.id },
          data: { phash: u.phash, ...(u.capturedAt ? { capturedAt: u.capturedAt } : {}) },
        });
      await writeAudit(tx, {
        actor: null,
        action: 'evidence.fingerprinted',
        entityType: 'EvidenceFile',
        after: { files: updates.map((u) => ({ id: u.id, phash: u.phash, capturedAt: u.capturedAt })) },
      });
    });
    report.hashed += updates.length;
    report.dated += updates.filter((u) => u.capturedAt).length;
    onBatch?.(report.photos);
  }
  return report;
}
