import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns';

export { XLSX_TYPE } from './xlsx-type';

type Sheet = { name: string; columns: { header: string; width?: number; text?: boolean }[]; rows: (string | number | null)[][] };

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
      style: c.text ? { numFmt: '@' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function columnsFor<K extends string>(specs: readonly ColumnSpec<K>[], header: (c: ColumnSpec<K>) => string) {
  return specs.map((c) => ({ header: header(c), width: c.width, text: c.text }));
}
