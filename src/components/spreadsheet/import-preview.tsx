import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PreviewRow } from '@/lib/spreadsheet/import-batch';
import { Card } from '@/components/ui/page-header';
import { ImportErrors } from '@/components/kindergartens/import-errors';
import { ScrollRegion } from '@/components/ui/scroll-region';

const PREVIEW_ROWS = 200;

/**
 * The preview of an uploaded spreadsheet, shared by every import: counts per operation, the row
 * errors (which block the import), the confirmation form, and the first rows as parsed.
 */
export async function ImportPreview({
  rows,
  errorCount,
  ignoredColumns,
  committed,
  expired,
  columns,
  confirm,
  uploadHref,
  back,
}: {
  rows: PreviewRow<unknown, 'create' | 'update' | 'unchanged'>[];
  errorCount: number;
  ignoredColumns: string[];
  committed: boolean;
  /** Too old to import (see BATCH_EXPIRES_AFTER_MS): the rows stay readable, the confirmation goes. */
  expired: boolean;
  columns: { key: string; label: string }[];
  /** The confirmation form, shown when the batch has no errors and is not yet imported. */
  confirm: React.ReactNode;
  uploadHref: string;
  back: { href: string; label: string };
}) {
  const t = await getTranslations('kindergartens.import');
  const format = await getFormatter();
  const ops: Record<string, number> = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) if (r.op) ops[r.op] = (ops[r.op] ?? 0) + 1;
  const columnLabel = (key: string) => columns.find((c) => c.key === key)?.label ?? key;
  return (
    <>
      <ul className="mb-4 flex flex-wrap gap-2 text-sm">
        <li className="rounded bg-stone-100 px-2 py-1">{t('rows', { count: rows.length })}</li>
        <li className="rounded bg-brand-50 px-2 py-1 text-brand-800">{t('willCreate', { count: ops.create })}</li>
        <li className="rounded bg-brand-50 px-2 py-1 text-brand-800">{t('willUpdate', { count: ops.update })}</li>
        <li className="rounded bg-stone-100 px-2 py-1">{t('willKeep', { count: ops.unchanged })}</li>
        {errorCount > 0 && <li className="rounded bg-red-50 px-2 py-1 text-red-900">{t('errorRows', { count: errorCount })}</li>}
      </ul>
      {ignoredColumns.length > 0 && (
        <p className="mb-4 text-sm text-amber-800">
          {t('ignoredColumns', { columns: format.list(ignoredColumns, { type: 'conjunction', style: 'narrow' }) })}
        </p>
      )}
      {expired ? (
        <p role="status" className="mb-4 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-amber-900">
          {t('expired')}
        </p>
      ) : errorCount > 0 ? (
        <ImportErrors rows={rows} columnLabel={columnLabel} />
      ) : !committed ? (
        <Card className="mb-4">{confirm}</Card>
      ) : null}
      <p className="mb-4">
        <Link href={uploadHref} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('uploadAnother')}
        </Link>
        <span className="mx-2 text-stone-400">·</span>
        <Link href={back.href} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {back.label}
        </Link>
      </p>
      <h2 className="mb-2 font-semibold">{t('previewRows')}</h2>
      {rows.length > PREVIEW_ROWS && <p className="mb-2 text-sm text-stone-600">{t('previewLimited', { shown: PREVIEW_ROWS })}</p>}
      <ScrollRegion label={t('previewRows')} className="rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="p-2">
                {t('row')}
              </th>
              <th scope="col" className="p-2">
                {t('op')}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="p-2">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.rowNumber} className={`border-t border-stone-200 ${r.errors.length ? 'bg-red-50' : ''}`}>
                <td className="p-2 tabular-nums">{r.rowNumber}</td>
                <td className="p-2">{r.op ? t(`op_${r.op}`) : '—'}</td>
                {columns.map((c) => (
                  <td key={c.key} className={`p-2 ${r.errors.some((e) => e.column === c.key) ? 'font-semibold text-red-900' : ''}`}>
                    {(r.cells as Record<string, string>)[c.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
