import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getKindergartenBatch } from '@/lib/kindergartens/import';
import { commitKindergartenImportAction } from '@/lib/kindergartens/actions';
import { KINDERGARTEN_COLUMNS } from '@/lib/kindergartens/columns';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ImportConfirmForm } from '@/components/kindergartens/import-confirm-form';
import { ImportErrors } from '@/components/kindergartens/import-errors';

const PREVIEW_ROWS = 200;

export default async function KindergartenBatchPage({ params, searchParams }: {
  params: Promise<{ batchId: string }>; searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const { batchId } = await params;
  const done = await searchParams;
  const batch = await getKindergartenBatch(db, user, batchId);
  if (!batch) return denyAccess(user, { entityType: 'ImportBatch', entityId: batchId });
  const t = await getTranslations();
  const format = await getFormatter();
  const { rows, ignoredColumns } = batch.content;
  const ops = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) if (r.op) ops[r.op]++;
  const columnLabel = (key: string) => t(`kindergartens.${key}` as never);
  const previewColumns = KINDERGARTEN_COLUMNS.slice(0, 9);
  return (
    <>
      <PageHeader title={t('kindergartens.import.previewTitle', { file: batch.fileName })} />
      {batch.committedAt ? (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {done.created != null
            ? t('kindergartens.import.done', { created: Number(done.created), updated: Number(done.updated), unchanged: Number(done.unchanged) })
            : t('kindergartens.import.committedAt', { date: format.dateTime(batch.committedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      ) : null}
      <ul className="mb-4 flex flex-wrap gap-2 text-sm">
        <li className="rounded bg-stone-100 px-2 py-1">{t('kindergartens.import.rows', { count: rows.length })}</li>
        <li className="rounded bg-brand-50 px-2 py-1 text-brand-800">{t('kindergartens.import.willCreate', { count: ops.create })}</li>
        <li className="rounded bg-brand-50 px-2 py-1 text-brand-800">{t('kindergartens.import.willUpdate', { count: ops.update })}</li>
        <li className="rounded bg-stone-100 px-2 py-1">{t('kindergartens.import.willKeep', { count: ops.unchanged })}</li>
        {batch.errorCount > 0 && <li className="rounded bg-red-50 px-2 py-1 text-red-900">{t('kindergartens.import.errorRows', { count: batch.errorCount })}</li>}
      </ul>
      {ignoredColumns.length > 0 && <p className="mb-4 text-sm text-amber-800">{t('kindergartens.import.ignoredColumns', { columns: ignoredColumns.join('、') })}</p>}

      {batch.errorCount > 0 ? (
        <ImportErrors rows={rows} columnLabel={columnLabel} />
      ) : !batch.committedAt ? (
        <Card className="mb-4">
          <ImportConfirmForm batchId={batch.id} count={rows.length} action={commitKindergartenImportAction} />
        </Card>
      ) : null}
      <p className="mb-4">
        <Link href="/kindergartens/import" className="inline-flex min-h-11 items-center text-brand-700 underline">{t('kindergartens.import.uploadAnother')}</Link>
        <span className="mx-2 text-stone-400">·</span>
        <Link href="/kindergartens" className="inline-flex min-h-11 items-center text-brand-700 underline">{t('kindergartens.back')}</Link>
      </p>

      <h2 className="mb-2 font-semibold">{t('kindergartens.import.previewRows')}</h2>
      {rows.length > PREVIEW_ROWS && <p className="mb-2 text-sm text-stone-600">{t('kindergartens.import.previewLimited', { shown: PREVIEW_ROWS })}</p>}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[56rem] text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="p-2">{t('kindergartens.import.row')}</th>
              <th scope="col" className="p-2">{t('kindergartens.import.op')}</th>
              {previewColumns.map((c) => <th key={c.key} scope="col" className="p-2">{columnLabel(c.key)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.rowNumber} className={`border-t border-stone-200 ${r.errors.length ? 'bg-red-50' : ''}`}>
                <td className="p-2 tabular-nums">{r.rowNumber}</td>
                <td className="p-2">{r.op ? t(`kindergartens.import.op_${r.op}`) : '—'}</td>
                {previewColumns.map((c) => (
                  <td key={c.key} className={`p-2 ${r.errors.some((e) => e.column === c.key) ? 'font-semibold text-red-900' : ''}`}>{r.cells[c.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
