import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type Cell = string | number | null;
export type StreamedSheet = {
  name: string;
  /** As in buildWorkbook: `numFmt` makes numbers read as such in Excel and WPS, `text` keeps leading zeros. */
  columns: { header: string; width?: number; text?: boolean; numFmt?: string }[];
  /** Taken one at a time as the sheet is written: a generator need not hold them all. */
  rows: Iterable<Cell[]>;
};

/** Rows written between two turns of the event loop, in which the zip compresses and sends what it has. */
const ROWS_PER_TURN = 200;

/**
 * The same .xlsx as buildWorkbook (bold, frozen header row), written row by row into the stream it
 * returns: the first bytes leave while later rows are still being made, and the file is never one
 * buffer. A failure after the first byte can only cut the download short; the caller checks what
 * may fail (scope, data) before it hands the stream out.
 */
export function streamWorkbook(sheets: StreamedSheet[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      workbook.creator = 'Hand in Hand';
      for (const s of sheets) {
        const ws = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
        // One style object per column, given to each of its cells: ExcelJS looks a style up by the
        // object (a WeakMap) before building its key, and the copy each new cell gets never matches.
        // Measured with 2,500 × 47 cells: ~290 ms instead of ~440 ms, the same file.
        const styles = s.columns.map((c) => (c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {}));
        ws.columns = s.columns.map((c, i) => ({ header: c.header, width: c.width ?? 16, style: styles[i] }));
        const header = ws.getRow(1);
        header.font = { bold: true };
        header.commit();
        let n = 0;
        for (const r of s.rows) {
          const row = ws.addRow(r);
          row.eachCell((cell, column) => {
            cell.style = styles[column - 1];
          });
          row.commit();
          if (++n % ROWS_PER_TURN === 0 && !(await taken(out))) return;
        }
        ws.commit();
      }
      await workbook.commit();
    } catch (error) {
      // Headers are sent: the download can only be cut short, so the cause goes to the server's log.
      console.error('[xlsx stream] cut short:', error);
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/**
 * Waits until the reader has taken what was sent (or one turn, if it keeps up), so a slow client
 * holds back the writing instead of the server's memory. False once the reader has gone away.
 */
async function taken(out: PassThrough): Promise<boolean> {
  if (out.destroyed) return false;
  if (!out.writableNeedDrain) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  } else {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
  return !out.destroyed;
}
