import type { Role } from '@/generated/prisma/enums';
import { markDuplicates, type CellError, type PreviewRow } from '@/lib/spreadsheet/import-batch';
import { StaffEmail, StaffName, StaffPhone } from './schemas';
import { parseStaffRole } from './identifiers';
import type { StaffColumn } from './columns';

export type StaffValues = {
  name: string;
  phone: string | null;
  email: string | null;
  role: Role;
  kindergartenId: string;
  countyId: string;
  existingId: string | null;
};
export type StaffOp = 'create' | 'update' | 'unchanged';
export type StaffPreviewRow = PreviewRow<StaffValues, StaffOp>;

export type KindergartenRef = { id: string; countyId: string; active: boolean; inScope: boolean };
export type ExistingAccount = { id: string; name: string; role: Role; kindergartenId: string | null; inScope: boolean };
export type StaffRowContext = {
  /** Keyed by upper-cased code. */
  kindergartens: Map<string, KindergartenRef>;
  /** The importer's own kindergarten, used when the cell is empty (directors). */
  ownKindergarten: KindergartenRef | null;
  byPhone: Map<string, ExistingAccount>;
  byEmail: Map<string, ExistingAccount>;
  allowedRoles: Role[];
};

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'form.errors.invalid');
}

/**
 * Row checks of the staff import. A known phone or e-mail is the same person: the row updates
 * their name and kindergarten, provided the account is within the importer's scope and keeps its role.
 */
export function validateStaffRows(
  rows: { rowNumber: number; cells: Record<StaffColumn, string> }[],
  ctx: StaffRowContext,
): StaffPreviewRow[] {
  const out: StaffPreviewRow[] = rows.map(({ rowNumber, cells }) => {
    const errors: CellError[] = [];
    const name = StaffName.safeParse(cells.name);
    if (!name.success) errors.push({ column: 'name', message: firstMessage(name)! });
    const phone = StaffPhone.safeParse(cells.phone);
    if (!phone.success) errors.push({ column: 'phone', message: firstMessage(phone)! });
    const email = StaffEmail.safeParse(cells.email);
    if (!email.success) errors.push({ column: 'email', message: firstMessage(email)! });
    if (phone.success && email.success && !phone.data && !email.data)
      errors.push({ column: 'phone', message: 'staff.errors.loginRequired' });

    const role = parseStaffRole(cells.role);
    if (!role) errors.push({ column: 'role', message: 'staff.import.badRole' });
    else if (!ctx.allowedRoles.includes(role)) errors.push({ column: 'role', message: 'staff.errors.roleNotAllowed' });

    const code = cells.kindergarten.normalize('NFKC').trim().toUpperCase();
    const kg = code ? (ctx.kindergartens.get(code) ?? null) : ctx.ownKindergarten;
    if (!kg)
      errors.push({ column: 'kindergarten', message: code ? 'staff.import.unknownKindergarten' : 'staff.errors.kindergartenRequired' });
    else if (!kg.inScope) errors.push({ column: 'kindergarten', message: 'staff.errors.outOfScope' });
    else if (!kg.active) errors.push({ column: 'kindergarten', message: 'staff.errors.kindergartenInactive' });

    const byPhone = phone.success && phone.data ? ctx.byPhone.get(phone.data) : undefined;
    const byEmail = email.success && email.data ? ctx.byEmail.get(email.data) : undefined;
    const existing = byPhone ?? byEmail ?? null;
    if (byPhone && byEmail && byPhone.id !== byEmail.id) errors.push({ column: 'email', message: 'staff.import.twoAccounts' });
    else if (existing && !existing.inScope) errors.push({ column: byPhone ? 'phone' : 'email', message: 'staff.import.accountOutOfScope' });
    else if (existing && role && existing.role !== role) errors.push({ column: 'role', message: 'staff.import.roleChange' });

    if (errors.length) return { rowNumber, cells, values: null, op: null, errors };
    const values: StaffValues = {
      name: name.data!,
      phone: phone.data || null,
      email: email.data || null,
      role: role!,
      kindergartenId: kg!.id,
      countyId: kg!.countyId,
      existingId: existing?.id ?? null,
    };
    const op: StaffOp = !existing
      ? 'create'
      : existing.name === values.name && existing.kindergartenId === values.kindergartenId
        ? 'unchanged'
        : 'update';
    return { rowNumber, cells, values, op, errors };
  });
  markDuplicates(
    out,
    (r) => (r.cells.phone ? StaffPhone.safeParse(r.cells.phone).data || null : null),
    'phone',
    'staff.import.duplicatePhone',
  );
  markDuplicates(
    out,
    (r) => (r.cells.email ? StaffEmail.safeParse(r.cells.email).data || null : null),
    'email',
    'staff.import.duplicateEmail',
  );
  for (const r of out) if (r.errors.length) Object.assign(r, { values: null, op: null });
  return out;
}
