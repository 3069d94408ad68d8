import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

import { MAX_FILE_BYTES, MAX_FILE_MB } from './limits';

export type RawRow = { rowNumber: number; cells: string[] };

/**
 * The import templates carry one example row whose first cell starts with this mark; the row shows
 * the shape of the data and is never imported (no code, name or kindergarten code starts with it).
 */
export const EXAMPLE_ROW_MARK = '示例';
export type RawSheet = { headers: string[]; rows: RawRow[] };
export type ReadError =
  | { error: 'empty' }
  | { error: 'tooLarge'; maxMb: number }
  | { error: 'notSpreadsheet' }
  | { error: 'oldExcel' }
  | { error: 'unreadable' }
  | { error: 'noRows' }
  | { error: 'tooManyRows'; max: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The text a person sees in a cell, whatever exceljs made of it (numbers, rich text, links, formulas). */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v == null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return '';
}

/**
 * CSV saved by Excel on a Chinese Windows is GB18030, not UTF-8; both are accepted. Bytes that
 * are neither, or that contain NUL (images, PDFs, .doc), are not a spreadsheet.
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** Reads the first worksheet of an .xlsx or a .csv: the header row and the non-empty rows below it. */
export async function readSpreadsheet(bytes: Uint8Array, maxRows: number): Promise<{ sheet: RawSheet } | ReadError> {
  if (bytes.length === 0) return { error: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { error: 'tooLarge', maxMb: MAX_FILE_MB };
  if (startsWith(bytes, OLE)) return { error: 'oldExcel' };
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (startsWith(bytes, ZIP)) {
      // ExcelJS declares its own Buffer type (an ArrayBuffer); at run time it takes Node's Buffer.
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = decodeCsv(bytes);
      if (text == null) return { error: 'notSpreadsheet' };
      // Keep every value as typed: no number or date guessing ("0012" stays "0012").
      sheet = await workbook.csv.read(Readable.from([text]), { map: (v: unknown) => v });
    }
  } catch {
    return { error: 'unreadable' };
  }
  if (!sheet) return { error: 'noRows' };
  // Header and the template's example row aside; the exact count is checked below.
  if (sheet.actualRowCount - 2 > maxRows) return { error: 'tooManyRows', max: maxRows };

  let headers: string[] | null = null;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = values.slice(1).map((v) => cellText(v));
    if (cells.every((c) => c === '')) return;
    if (!headers) headers = cells;
    else if (!cells[0].startsWith(EXAMPLE_ROW_MARK)) rows.push({ rowNumber, cells });
  });
  if (!headers || rows.length === 0) return { error: 'noRows' };
  if (rows.length > maxRows) return { error: 'tooManyRows', max: maxRows };
  return { sheet: { headers, rows } };
}
