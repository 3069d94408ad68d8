import 'server-only';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, kindergartenResource, type ActorWithName } from '@/lib/authz';
import { fail, isStaleWrite, ok, type Result } from '@/lib/result';
import { matchHeaders, bilingualHeader } from '@/lib/spreadsheet/columns';
import { readSpreadsheet } from '@/lib/spreadsheet/read';
import {
  BatchRef,
  commitBlocker,
  commitRefused,
  loadOwnBatch,
  readErrorFailure,
  saveBatch,
  StaleImportError,
  uploadedFile,
  type BatchContent,
  type Preview,
} from '@/lib/spreadsheet/import-batch';
import { KINDERGARTEN_COLUMNS, MAX_KINDERGARTEN_ROWS, REQUIRED_KINDERGARTEN_COLUMNS, type KindergartenColumn } from './columns';
import { validateKindergartenRows, type ExistingKindergarten, type KindergartenOp } from './import-rows';
import { codeKey, normalizeCode } from './rules';
import { diff, REGISTRY_SELECT } from './commands';
import type { KindergartenCreate } from './schemas';

export type KindergartenBatch = BatchContent<KindergartenCreate, KindergartenOp>;
export type KindergartenImportSummary = { created: number; updated: number; unchanged: number };

/** Reads and checks an uploaded sheet (`{ file }`) and keeps the result as a batch, errors included, for the preview. */
export async function previewKindergartenImport(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<Preview>> {
  if (!hasPermission(actor, 'kindergarten.import')) return fail('notFound');
  const upload = await uploadedFile(raw);
  if (!upload.ok) return upload;
  const file = upload.value;
  const read = await readSpreadsheet(file.bytes, MAX_KINDERGARTEN_ROWS);
  if ('error' in read) return readErrorFailure(read);
  const { index, unknown } = matchHeaders(read.sheet.headers, KINDERGARTEN_COLUMNS);
  const missing = REQUIRED_KINDERGARTEN_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    const names = KINDERGARTEN_COLUMNS.filter((c) => missing.includes(c.key))
      .map(bilingualHeader)
      .join('、');
    return fail('invalid', { message: { key: 'kindergartens.import.missingColumns', values: { columns: names } } });
  }
  const rows = read.sheet.rows.map(({ rowNumber, cells }) => ({
    rowNumber,
    cells: Object.fromEntries(
      KINDERGARTEN_COLUMNS.map((c) => [c.key, index[c.key] === undefined ? '' : (cells[index[c.key]!] ?? '')]),
    ) as Record<KindergartenColumn, string>,
  }));

  const codes = [...new Set(rows.map((r) => normalizeCode(r.cells.code)).filter(Boolean))];
  const [counties, existingRows] = await Promise.all([
    db.region.findMany({ where: { kind: 'COUNTY' }, select: { id: true, code: true, name: true, nameEn: true } }),
    db.kindergarten.findMany({ where: { code: { in: codes, mode: 'insensitive' } }, select: REGISTRY_SELECT }),
  ]);
  const existing = new Map<string, ExistingKindergarten>(
    existingRows.map((k) => [codeKey(k.code), { ...k, inScope: can(actor, 'kindergarten.import', kindergartenResource(k)) }]),
  );
  const checked = validateKindergartenRows(rows, {
    counties: counties.map((c) => ({ ...c, inScope: can(actor, 'kindergarten.import', { countyId: c.id }) })),
    existing,
  });
  const content: KindergartenBatch = { ignoredColumns: unknown, rows: checked };
  return ok(await saveBatch(db, 'KINDERGARTENS', actor.id, file.name, content));
}

/** The batch as its owner sees it; anyone else, or another kind of batch, gets null (a 404). */
export async function getKindergartenBatch(db: Db, actor: ActorWithName, batchId: string) {
  return loadOwnBatch<KindergartenBatch>(db, 'KINDERGARTENS', actor.id, batchId, hasPermission(actor, 'kindergarten.import'));
}

/**
 * Imports exactly the previewed rows, all or none, in one transaction: creates new codes, updates
 * known ones (a re-import never duplicates), writes an audit entry per change and one for the batch.
 * Scope is checked again against the database: if anything moved since the preview, nothing is imported.
 */
export async function commitKindergartenImport(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<KindergartenImportSummary>> {
  const ref = BatchRef.safeParse(raw);
  if (!ref.success) return fail('notFound');
  const { batchId } = ref.data;
  const batch = await getKindergartenBatch(db, actor, batchId);
  const blocked = commitBlocker(batch);
  if (blocked || !batch) return commitRefused(blocked ?? 'notFound');
  const rows = batch.content.rows.filter((r) => r.values && r.op);
  try {
    const summary = await db.$transaction(
      async (tx) => {
        // Claiming the batch first makes a double submit commit once: the second claim matches no row.
        const claimed = await tx.importBatch.updateMany({ where: { id: batchId, committedAt: null }, data: { committedAt: new Date() } });
        if (claimed.count === 0) return null;
        const existing = new Map(
          (
            await tx.kindergarten.findMany({
              where: { code: { in: rows.map((r) => r.values!.code), mode: 'insensitive' } },
              select: { ...REGISTRY_SELECT, version: true },
            })
          ).map((k) => [codeKey(k.code), k]),
        );
        const counts: KindergartenImportSummary = { created: 0, updated: 0, unchanged: 0 };
        for (const row of rows) {
          const values = row.values!;
          const current = existing.get(codeKey(values.code));
          if (!can(actor, 'kindergarten.import', { countyId: values.countyId })) throw new StaleImportError();
          if (current && !can(actor, 'kindergarten.import', kindergartenResource(current))) throw new StaleImportError();
          if (!current) {
            const created = await tx.kindergarten.create({ data: values, select: { id: true } });
            await writeAudit(tx, {
              actor,
              action: 'kindergarten.created',
              entityType: 'Kindergarten',
              entityId: created.id,
              countyId: values.countyId,
              kindergartenId: created.id,
              after: { ...values, importBatchId: batchId, row: row.rowNumber },
            });
            counts.created++;
            continue;
          }
          // The stored spelling of the code stays: the file matched it ignoring case.
          const change = diff(current, { ...values, code: current.code });
          if (!change.changed) {
            counts.unchanged++;
            continue;
          }
          await tx.kindergarten.update({
            where: { id: current.id, version: current.version },
            data: { ...values, code: current.code, version: { increment: 1 } },
          });
          await writeAudit(tx, {
            actor,
            action: 'kindergarten.updated',
            entityType: 'Kindergarten',
            entityId: current.id,
            countyId: values.countyId,
            kindergartenId: current.id,
            before: change.before,
            after: { ...change.after, importBatchId: batchId, row: row.rowNumber },
          });
          counts.updated++;
        }
        await writeAudit(tx, {
          actor,
          action: 'kindergarten.imported',
          entityType: 'ImportBatch',
          entityId: batchId,
          countyId: actor.countyId,
          after: { fileName: batch.fileName, ...counts },
        });
        return counts;
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
    return summary ? ok(summary) : commitRefused('alreadyCommitted');
  } catch (e) {
    // Someone saved a kindergarten after it was read here (isStaleWrite) or scope moved: nothing is imported.
    if (e instanceof StaleImportError || isStaleWrite(e)) return commitRefused('stale');
    // A code created by someone else between the claim and the insert.
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') return commitRefused('stale');
    throw e;
  }
}
