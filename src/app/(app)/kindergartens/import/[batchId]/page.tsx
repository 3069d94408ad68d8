import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getKindergartenBatch } from '@/lib/kindergartens/import';
import { commitKindergartenImportAction } from '@/lib/kindergartens/actions';
import { KINDERGARTEN_COLUMNS } from '@/lib/kindergartens/columns';
import { PageHeader } from '@/components/ui/page-header';
import { ImportPreview } from '@/components/spreadsheet/import-preview';
import { ImportConfirmForm } from '@/components/kindergartens/import-confirm-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.import.title');

export default async function KindergartenBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ batchId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const { batchId } = await params;
  const done = await searchParams;
  const batch = await getKindergartenBatch(db, user, batchId);
  if (!batch) return denyAccess(user, { entityType: 'ImportBatch', entityId: batchId });
  const t = await getTranslations();
  const format = await getFormatter();
  const { rows, ignoredColumns } = batch.content;
  return (
    <>
      <PageHeader title={t('kindergartens.import.previewTitle', { file: batch.fileName })} />
      {batch.committedAt ? (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {done.created != null
            ? t('kindergartens.import.done', {
                created: Number(done.created),
                updated: Number(done.updated),
                unchanged: Number(done.unchanged),
              })
            : t('kindergartens.import.committedAt', {
                date: format.dateTime(batch.committedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
        </p>
      ) : null}
      <ImportPreview
        rows={rows}
        errorCount={batch.errorCount}
        ignoredColumns={ignoredColumns}
        committed={!!batch.committedAt}
        expired={batch.expired}
        columns={KINDERGARTEN_COLUMNS.slice(0, 9).map((c) => ({ key: c.key, label: t(`kindergartens.${c.key}`) }))}
        confirm={<ImportConfirmForm batchId={batch.id} count={rows.length} action={commitKindergartenImportAction} />}
        uploadHref="/kindergartens/import"
        back={{ href: '/kindergartens', label: t('kindergartens.back') }}
      />
    </>
  );
}
