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

export type FileProblem = { message: string; params?: Record<string, string | number> };

export function readErrorProblem(e: ReadError): FileProblem {
  switch (e.error) {
    case 'tooLarge':
      return { message: 'kindergartens.import.fileTooLarge', params: { max: e.maxMb } };
    case 'tooManyRows':
      return { message: 'kindergartens.import.tooManyRows', params: { max: e.max } };
    default:
      return { message: `kindergartens.import.file_${e.error}` };
  }
}

export type PreviewResult = { ok: true; batchId: string; errorCount: number } | { ok: false; kind: 'notFound' } | { ok: false; kind: 'file'; problem: FileProblem };
export type CommitResult<S> =
  | { ok: true; summary: S }
  | { ok: false; kind: 'notFound' | 'alreadyCommitted' | 'hasErrors' | 'stale' };

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
