import 'server-only';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, hasPermission, userResource, type ActorWithName } from '@/lib/authz';
import { fail, ok, type Result } from '@/lib/result';
import { hashPassword } from '@/lib/auth/hash';
import { generateOneTimePassword } from '@/lib/users/one-time-password';
import { bilingualHeader, matchHeaders } from '@/lib/spreadsheet/columns';
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
import { MAX_STAFF_ROWS, REQUIRED_STAFF_COLUMNS, STAFF_COLUMNS, type StaffColumn } from './columns';
import { validateStaffRows, type ExistingAccount, type KindergartenRef, type StaffOp, type StaffValues } from './import-rows';
import { StaffEmail, StaffPhone } from './schemas';
import { creatableRoles, type NewAccount } from './commands';

export type StaffBatch = BatchContent<StaffValues, StaffOp>;
export type StaffImportSummary = { created: number; updated: number; unchanged: number; accounts: NewAccount[] };

const ACCOUNT_SELECT = {
  id: true,
  name: true,
  role: true,
  phone: true,
  email: true,
  regionId: true,
  kindergartenId: true,
  kindergarten: { select: { countyId: true } },
} as const;

/** Reads and checks an uploaded sheet (`{ file }`) and keeps the result as a batch, errors included, for the preview. */
export async function previewStaffImport(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<Preview>> {
  if (!hasPermission(actor, 'user.import')) return fail('notFound');
  const upload = await uploadedFile(raw);
  if (!upload.ok) return upload;
  const file = upload.value;
  const read = await readSpreadsheet(file.bytes, MAX_STAFF_ROWS);
  if ('error' in read) return readErrorFailure(read);
  const { index, unknown } = matchHeaders(read.sheet.headers, STAFF_COLUMNS);
  const missing = REQUIRED_STAFF_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length || (index.phone === undefined && index.email === undefined)) {
    const names = STAFF_COLUMNS.filter(
      (c) => missing.includes(c.key) || (c.key === 'phone' && index.email === undefined && index.phone === undefined),
    )
      .map(bilingualHeader)
      .join('、');
    return fail('invalid', { message: { key: 'kindergartens.import.missingColumns', values: { columns: names } } });
  }
  const rows = read.sheet.rows.map(({ rowNumber, cells }) => ({
    rowNumber,
    cells: Object.fromEntries(STAFF_COLUMNS.map((c) => [c.key, index[c.key] === undefined ? '' : (cells[index[c.key]!] ?? '')])) as Record<
      StaffColumn,
      string
    >,
  }));
  const codes = [...new Set(rows.map((r) => r.cells.kindergarten.normalize('NFKC').trim()).filter(Boolean))];
  const phones = rows.map((r) => StaffPhone.safeParse(r.cells.phone).data).filter((p): p is string => !!p);
  const emails = rows.map((r) => StaffEmail.safeParse(r.cells.email).data).filter((e): e is string => !!e);
  const [kgs, own, accounts] = await Promise.all([
    db.kindergarten.findMany({
      where: { code: { in: codes, mode: 'insensitive' } },
      select: { id: true, code: true, countyId: true, active: true },
    }),
    actor.kindergartenId
      ? db.kindergarten.findUnique({ where: { id: actor.kindergartenId }, select: { id: true, countyId: true, active: true } })
      : null,
    db.user.findMany({ where: { OR: [{ phone: { in: phones } }, { email: { in: emails } }] }, select: ACCOUNT_SELECT }),
  ]);
  // A kindergarten is in scope if the importer may create an account of a role they can create there.
  const roles = creatableRoles(actor, 'user.import');
  const ref = (k: { id: string; countyId: string; active: boolean }): KindergartenRef => ({
    ...k,
    inScope: roles.some((role) => can(actor, 'user.import', { countyId: k.countyId, kindergartenIds: [k.id], role })),
  });
  const account = (u: (typeof accounts)[number]): ExistingAccount => ({
    id: u.id,
    name: u.name,
    role: u.role,
    kindergartenId: u.kindergartenId,
    inScope: can(actor, 'user.import', userResource(u)),
  });
  const checked = validateStaffRows(rows, {
    kindergartens: new Map(kgs.map((k) => [k.code.toUpperCase(), ref(k)])),
    ownKindergarten: own ? ref(own) : null,
    byPhone: new Map(accounts.filter((u) => u.phone).map((u) => [u.phone!, account(u)])),
    byEmail: new Map(accounts.filter((u) => u.email).map((u) => [u.email!, account(u)])),
    allowedRoles: roles.filter((r) => r === 'DIRECTOR' || r === 'TEACHER'),
  });
  const content: StaffBatch = { ignoredColumns: unknown, rows: checked };
  return ok(await saveBatch(db, 'STAFF', actor.id, file.name, content));
}

export async function getStaffBatch(db: Db, actor: ActorWithName, batchId: string) {
  return loadOwnBatch<StaffBatch>(db, 'STAFF', actor.id, batchId, hasPermission(actor, 'user.import'));
}

/**
 * All or none. New accounts get one-time passwords, hashed before the transaction (Argon2 is
 * slow) and returned once, never stored in clear. A kindergarten change ends the person's sessions.
 */
export async function commitStaffImport(actor: ActorWithName, raw: unknown, db: Db): Promise<Result<StaffImportSummary>> {
  const ref = BatchRef.safeParse(raw);
  if (!ref.success) return fail('notFound');
  const { batchId } = ref.data;
  const batch = await getStaffBatch(db, actor, batchId);
  const blocked = commitBlocker(batch);
  if (blocked || !batch) return commitRefused(blocked ?? 'notFound');
  const rows = batch.content.rows.filter((r) => r.values && r.op);
  const passwords = new Map<number, string>();
  const hashes = new Map<number, string>();
  const creates = rows.filter((r) => r.op === 'create');
  for (let i = 0; i < creates.length; i += 8) {
    await Promise.all(
      creates.slice(i, i + 8).map(async (r) => {
        const password = generateOneTimePassword();
        passwords.set(r.rowNumber, password);
        hashes.set(r.rowNumber, await hashPassword(password));
      }),
    );
  }
  try {
    const summary = await db.$transaction(
      async (tx) => {
        const claimed = await tx.importBatch.updateMany({ where: { id: batchId, committedAt: null }, data: { committedAt: new Date() } });
        if (claimed.count === 0) return null;
        const result: StaffImportSummary = { created: 0, updated: 0, unchanged: 0, accounts: [] };
        for (const row of rows) {
          const v = row.values!;
          const target = { countyId: v.countyId, kindergartenIds: [v.kindergartenId], role: v.role };
          if (!can(actor, 'user.import', target)) throw new StaleImportError();
          const matches = await tx.user.findMany({
            where: { OR: [...(v.phone ? [{ phone: v.phone }] : []), ...(v.email ? [{ email: v.email }] : [])] },
            select: ACCOUNT_SELECT,
          });
          // The preview's match must still be the only one, in scope and of the same role.
          const current = matches[0];
          if (matches.length > 1 || (current?.id ?? null) !== v.existingId) throw new StaleImportError();
          if (!current) {
            const data = { name: v.name, phone: v.phone, email: v.email, role: v.role, kindergartenId: v.kindergartenId };
            const created = await tx.user.create({
              data: { ...data, passwordHash: hashes.get(row.rowNumber)!, mustChangePassword: true, createdById: actor.id },
              select: { id: true },
            });
            await writeAudit(tx, {
              actor,
              action: 'user.created',
              entityType: 'User',
              entityId: created.id,
              countyId: v.countyId,
              kindergartenId: v.kindergartenId,
              after: { ...data, importBatchId: batchId, row: row.rowNumber },
            });
            result.created++;
            result.accounts.push({
              id: created.id,
              name: v.name,
              login: v.phone ?? v.email ?? '',
              password: passwords.get(row.rowNumber)!,
            });
            continue;
          }
          if (!can(actor, 'user.import', userResource(current)) || current.role !== v.role) throw new StaleImportError();
          if (current.name === v.name && current.kindergartenId === v.kindergartenId) {
            result.unchanged++;
            continue;
          }
          const moved = current.kindergartenId !== v.kindergartenId;
          await tx.user.update({
            where: { id: current.id },
            data: { name: v.name, kindergartenId: v.kindergartenId, ...(moved ? { securityStamp: { increment: 1 } } : {}) },
          });
          await writeAudit(tx, {
            actor,
            action: 'user.updated',
            entityType: 'User',
            entityId: current.id,
            countyId: v.countyId,
            kindergartenId: v.kindergartenId,
            before: { name: current.name, kindergartenId: current.kindergartenId },
            after: { name: v.name, kindergartenId: v.kindergartenId, importBatchId: batchId, row: row.rowNumber },
          });
          result.updated++;
        }
        await writeAudit(tx, {
          actor,
          action: 'user.imported',
          entityType: 'ImportBatch',
          entityId: batchId,
          countyId: actor.countyId,
          kindergartenId: actor.kindergartenId,
          after: { fileName: batch.fileName, created: result.created, updated: result.updated, unchanged: result.unchanged },
        });
        return result;
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
    return summary ? ok(summary) : commitRefused('alreadyCommitted');
  } catch (e) {
    if (e instanceof StaleImportError) return commitRefused('stale');
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') return commitRefused('stale');
    throw e;
  }
}
