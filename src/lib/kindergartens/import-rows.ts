import { KindergartenCreateInput, type KindergartenCreate } from './schemas';
import { codeKey, COUNT_LIMITS, countProblems, parseArea, parseCount, parseLevel, type CountField, type Counts } from './rules';
import { REQUIRED_KINDERGARTEN_COLUMNS, type KindergartenColumn } from './columns';
import { markDuplicates, type CellError, type PreviewRow } from '@/lib/spreadsheet/import-batch';

export type KindergartenOp = 'create' | 'update' | 'unchanged';
export type KindergartenPreviewRow = PreviewRow<KindergartenCreate, KindergartenOp>;

export type CountyRef = { id: string; code: string; name: string; nameEn: string | null; inScope: boolean };
export type ExistingKindergarten = KindergartenCreate & { id: string; inScope: boolean };

/** `existing` is keyed by codeKey(code). */
export type RowContext = { counties: CountyRef[]; existing: Map<string, ExistingKindergarten> };

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** A county by its code, Chinese name or English name. */
export function findCounty(counties: CountyRef[], text: string) {
  const s = squash(text);
  if (!s) return null;
  return counties.find((c) => squash(c.code) === s) ?? counties.find((c) => [c.name, c.nameEn ?? ''].some((n) => squash(n) === s)) ?? null;
}

// zod paths are field names; in the sheet the county field is the "county" column.
const COLUMN_OF_FIELD: Record<string, KindergartenColumn> = { countyId: 'county' };

const COUNT_FIELDS = Object.keys(COUNT_LIMITS) as CountField[];
const COMPARED = [
  'name',
  'countyId',
  'area',
  'level',
  'address',
  'contactName',
  'contactPhone',
  'classCount',
  'childCount',
  'teacherCount',
  'staffCount',
] as const;

/**
 * Columns an update may leave out or leave blank: an existing kindergarten keeps what is stored
 * (a sheet with only the required columns must not turn every demonstration kindergarten into a
 * plain one or zero its counts). For a new kindergarten a blank means none / 0 / empty.
 */
const KEPT_WHEN_BLANK = [
  'level',
  'classCount',
  'childCount',
  'teacherCount',
  'staffCount',
  'address',
  'contactName',
  'contactPhone',
] as const;

function withStoredValues(cells: Record<KindergartenColumn, string>, stored: ExistingKindergarten): Record<KindergartenColumn, string> {
  const out = { ...cells };
  for (const key of KEPT_WHEN_BLANK) if (!out[key].trim()) out[key] = String(stored[key]);
  return out;
}

/**
 * Checks every row on its own and against the others (duplicate codes) and the database (codes
 * owned by kindergartens outside the importer's scope). Pure: the caller loads the context.
 */
export function validateKindergartenRows(
  rows: { rowNumber: number; cells: Record<KindergartenColumn, string> }[],
  ctx: RowContext,
): KindergartenPreviewRow[] {
  const out: KindergartenPreviewRow[] = rows.map(({ rowNumber, cells: typed }) => {
    const errors: CellError[] = [];
    const stored = typed.code ? ctx.existing.get(codeKey(typed.code)) : undefined;
    const cells = stored?.inScope ? withStoredValues(typed, stored) : typed;
    for (const column of REQUIRED_KINDERGARTEN_COLUMNS) {
      if (!cells[column]) errors.push({ column, message: 'kindergartens.import.required' });
    }
    const county = findCounty(ctx.counties, cells.county);
    if (cells.county && !county) errors.push({ column: 'county', message: 'kindergartens.import.unknownCounty' });
    else if (county && !county.inScope) errors.push({ column: 'county', message: 'kindergartens.import.countyOutOfScope' });
    const area = parseArea(cells.area);
    if (cells.area && !area) errors.push({ column: 'area', message: 'kindergartens.import.badArea' });
    const level = parseLevel(cells.level);
    if (!level) errors.push({ column: 'level', message: 'kindergartens.import.badLevel' });

    const parsed = KindergartenCreateInput.safeParse({ ...cells, countyId: county?.id ?? '', area: area ?? '', level: level ?? '' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = COLUMN_OF_FIELD[field] ?? field;
        // One message per cell: the specific one above wins over zod's generic "required".
        if (!errors.some((e) => e.column === column)) errors.push({ column, message: issue.message });
      }
    }
    // zod skips the cross-field refinement when another field already failed; the counts are still worth reporting.
    const counts = COUNT_FIELDS.map((f) => parseCount(cells[f]));
    if (!parsed.success && counts.every((n) => n != null)) {
      const problems = countProblems(Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, counts[i]])) as Counts);
      for (const p of problems) {
        if (!errors.some((e) => e.column === p.field)) errors.push({ column: p.field, message: `kindergartens.errors.${p.key}` });
      }
    }
    const values = parsed.success ? parsed.data : null;
    let op: KindergartenOp | null = null;
    if (values) {
      const existing = ctx.existing.get(codeKey(values.code));
      if (existing && !existing.inScope) errors.push({ column: 'code', message: 'kindergartens.import.codeOutOfScope' });
      else op = !existing ? 'create' : COMPARED.every((k) => existing[k] === values[k]) ? 'unchanged' : 'update';
    }
    // The preview shows the sheet as typed; the values (and so the operation) include what is kept.
    return { rowNumber, cells: typed, values: errors.length ? null : values, op: errors.length ? null : op, errors };
  });
  markDuplicates(out, (r) => (r.cells.code ? codeKey(r.cells.code) : null), 'code', 'kindergartens.import.duplicateCode');
  for (const r of out) if (r.errors.length) Object.assign(r, { values: null, op: null });
  return out;
}
