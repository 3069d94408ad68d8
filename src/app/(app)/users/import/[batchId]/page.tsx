import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { db } from '@/lib/db';
import { getStaffBatch } from '@/lib/staff/import';
import { STAFF_COLUMNS } from '@/lib/staff/columns';
import { PageHeader } from '@/components/ui/page-header';
import { ImportPreview } from '@/components/spreadsheet/import-preview';
import { StaffImportConfirm } from '@/components/staff/staff-import-confirm';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('staff.import.title');

export default async function StaffBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const user = await requireUser();
  const { batchId } = await params;
  const batch = await getStaffBatch(db, user, batchId);
  if (!batch) return denyAccess(user, { entityType: 'ImportBatch', entityId: batchId });
  const t = await getTranslations();
  const format = await getFormatter();
  const { rows, ignoredColumns } = batch.content;
  return (
    <>
      <PageHeader title={t('kindergartens.import.previewTitle', { file: batch.fileName })} />
      {batch.committedAt && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {t('kindergartens.import.committedAt', { date: format.dateTime(batch.committedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      )}
      <ImportPreview
        rows={rows}
        errorCount={batch.errorCount}
        ignoredColumns={ignoredColumns}
        committed={!!batch.committedAt}
        expired={batch.expired}
        columns={STAFF_COLUMNS.map((c) => ({ key: c.key, label: t(`staff.${c.key}`) }))}
        confirm={<StaffImportConfirm batchId={batch.id} count={rows.length} />}
        uploadHref="/users/import"
        back={{ href: '/users', label: t('staff.back') }}
      />
    </>
  );
}
