import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns';

export { XLSX_TYPE } from './xlsx-type';

type Cell = string | number | null;
type Sheet = {
  name: string;
  /** `numFmt` makes numbers read as such in Excel and WPS (e.g. '0%' for a rate held as 0.4). */
  columns: { header: string; width?: number; text?: boolean; numFmt?: string }[];
  rows: Cell[][];
  /** A template's example row, right under the header and greyed so it reads as an example. */
  example?: Cell[];
};

/** An .xlsx with a bold, frozen header row; text columns keep leading zeros and long digit strings. */
export async function buildWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hand in Hand';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({
      key: String(i),
      header: c.header,
      width: c.width ?? 16,
      style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    ws.getRow(1).font = { bold: true };
    if (s.example) ws.addRow(s.example).font = { italic: true, color: { argb: 'FF78716C' } };
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function columnsFor<K extends string>(specs: readonly ColumnSpec<K>[], header: (c: ColumnSpec<K>) => string) {
  return specs.map((c) => ({ header: header(c), width: c.width, text: c.text }));
}
