import type { Db } from '@/lib/db';
import type { ImportKind } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import { z } from 'zod';
import { fail, ok, type Failure, type Message, type Result } from '@/lib/result';
import { requiredId } from '@/lib/schema-fields';
import { fileTooLarge, MAX_FILE_MB } from './limits';
import type { ReadError } from './read';

/** A problem in one cell of an uploaded sheet; `message` is a key of the root catalogue. */
export type CellError = { column: string; message: string; params?: Record<string, string | number> };

export type PreviewRow<V, Op extends string = string> = {
  /** As in the spreadsheet: the header is row 1. */
  rowNumber: number;
  cells: Record<string, string>;
  values: V | null;
  op: Op | null;
  errors: CellError[];
};

/** What ImportBatch.rows holds between preview and confirmation. */
export type BatchContent<V, Op extends string = string> = { ignoredColumns: string[]; rows: PreviewRow<V, Op>[] };

/** An unreadable file is refused as a whole, with a sentence above the form. */
export function readErrorFailure(e: ReadError): Failure {
  const message: Message =
    e.error === 'tooLarge'
      ? { key: 'kindergartens.import.fileTooLarge', values: { max: e.maxMb } }
      : e.error === 'tooManyRows'
        ? { key: 'kindergartens.import.tooManyRows', values: { max: e.max } }
        : `kindergartens.import.file_${e.error}`;
  return fail('invalid', { message });
}

/** The import form's `file`, refused before reading when it is empty or too large. */
export async function uploadedFile(raw: unknown): Promise<Result<{ name: string; bytes: Uint8Array }>> {
  const file = raw && typeof raw === 'object' && 'file' in raw ? raw.file : null;
  if (!(file instanceof File) || file.size === 0) return fail('invalid', { message: 'kindergartens.import.file_empty' });
  if (fileTooLarge(file.size))
    return fail('invalid', { message: { key: 'kindergartens.import.fileTooLarge', values: { max: MAX_FILE_MB } } });
  return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}

/** The confirmation form names its batch. */
export const BatchRef = z.object({ batchId: requiredId });

export type Preview = { batchId: string; errorCount: number };
export type CommitRefusal = 'notFound' | 'alreadyCommitted' | 'hasErrors' | 'expired' | 'stale';

/** A refused commit as a command's answer: someone else's batch is not found; the rest say why. */
export function commitRefused(reason: CommitRefusal): Failure {
  return reason === 'notFound' ? fail('notFound') : fail('wrongState', { message: `kindergartens.import.commit_${reason}` });
}

/** Thrown inside a commit transaction to roll everything back when the data moved since the preview. */
export class StaleImportError extends Error {
  constructor() {
    super('import stale');
  }
}

/** Marks every later occurrence of a key as a duplicate of its first row. */
export function markDuplicates<V>(rows: PreviewRow<V>[], keyOf: (r: PreviewRow<V>) => string | null, column: string, message: string) {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!key) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.rowNumber);
    else r.errors.push({ column, message, params: { row: seen } });
  }
}

// ---- Storing a preview and taking it back (shared by every import) ----

type BatchStore = Pick<Db, 'importBatch'>;

const HOUR = 3_600_000;
/**
 * A preview is a snapshot of the registry when it was checked: after a day it is too likely to be
 * out of date to import, so it expires (the page says so and offers a new upload).
 */
export const BATCH_EXPIRES_AFTER_MS = 24 * HOUR;
/**
 * Previews never confirmed hold a spreadsheet's rows (staff names and phone numbers among them):
 * they are deleted a week after upload by the daily clean-up job (src/lib/queue/cleanup.ts). The week
 * leaves the "expired" page readable for a while instead of turning a bookmarked preview into a bare 404.
 */
export const ABANDONED_BATCH_DELETED_AFTER_MS = 7 * 24 * HOUR;

/** Deletes previews never confirmed, a week after upload; imported batches stay as history. */
export async function deleteAbandonedBatches(db: BatchStore, now = new Date()): Promise<number> {
  const { count } = await db.importBatch.deleteMany({
    where: { committedAt: null, createdAt: { lt: new Date(now.getTime() - ABANDONED_BATCH_DELETED_AFTER_MS) } },
  });
  return count;
}

/** Keeps the checked rows, errors included, so the confirmation imports exactly what was previewed. */
export async function saveBatch<V>(
  db: BatchStore,
  kind: ImportKind,
  ownerId: string,
  fileName: string,
  content: BatchContent<V>,
  now = new Date(),
): Promise<Preview> {
  const errorCount = content.rows.filter((r) => r.errors.length).length;
  // The parsed rows are plain JSON (strings, numbers, null), but their generic type V cannot say so to Prisma.
  const rows = content as Prisma.InputJsonValue;
  const batch = await db.importBatch.create({
    data: { kind, userId: ownerId, fileName: fileName.slice(0, 200), rows, errorCount, createdAt: now },
    select: { id: true },
  });
  return { batchId: batch.id, errorCount };
}

/** The batch as its owner sees it; anyone else, another kind of batch, or a lost permission gets null (a 404). */
export async function loadOwnBatch<C>(
  db: BatchStore,
  kind: ImportKind,
  ownerId: string,
  batchId: string,
  permitted: boolean,
  now = new Date(),
) {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.userId !== ownerId || batch.kind !== kind || !permitted) return null;
  const expired = !batch.committedAt && now.getTime() - batch.createdAt.getTime() > BATCH_EXPIRES_AFTER_MS;
  // Prisma reads Json back untyped; the batch holds what saveBatch stored for this kind.
  return { ...batch, expired, content: batch.rows as unknown as C };
}

/** Why a batch cannot be committed, or null when it can. */
export function commitBlocker(
  batch: { committedAt: Date | null; errorCount: number; expired: boolean } | null,
): Exclude<CommitRefusal, 'stale'> | null {
  if (!batch) return 'notFound';
  if (batch.committedAt) return 'alreadyCommitted';
  if (batch.errorCount > 0) return 'hasErrors';
  if (batch.expired) return 'expired';
  return null;
}
