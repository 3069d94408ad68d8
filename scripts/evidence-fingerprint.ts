// npm run evidence:fingerprint
// Fills the perceptual hash (and the EXIF capture time, where the stored file still carries one) of
// every photo stored without them: photos uploaded before uploads computed them (decision 019).
// Safe to run again: it only looks at photos without a hash. Uses DATABASE_URL, or the embedded
// PostgreSQL in HIH_DATA_DIR; files from FILE_STORAGE_DIR (default: the data folder's files/) or S3.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { storageFromEnv } from '@/lib/storage';
import { fingerprintStoredPhotos } from '@/lib/signals/backfill';
import { ensureDatabase } from './db/postgres.mjs';

const root = path.resolve(import.meta.dirname, '..');
// The same folder `npm start` keeps uploads in.
if (!process.env.FILE_STORAGE_DIR && !process.env.S3_BUCKET)
  process.env.FILE_STORAGE_DIR = path.resolve(root, process.env.HIH_DATA_DIR ?? '.data', 'files');

const database = await ensureDatabase();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  const report = await fingerprintStoredPhotos(db as never, storageFromEnv(), {
    onBatch: (done) => console.log(`  ${done} photos looked at…`),
  });
  console.log(`Photos without a fingerprint: ${report.photos}; hashed: ${report.hashed}; capture dates found: ${report.dated}.`);
  if (report.unreadable.length) console.log(`Could not be read (left as they are): ${report.unreadable.join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
