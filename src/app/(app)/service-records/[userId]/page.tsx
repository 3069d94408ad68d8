import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { getServiceRecord, listPrints } from '@/lib/service-records/queries';
import { formatCode, normalizeCode } from '@/lib/service-records/code';
import { cityTimeZone } from '@/lib/time/city-zone';
import { instantToZoned } from '@/lib/time/zoned';
import { PageHeader, Card } from '@/components/ui/page-header';
import { ServiceRecordView } from '@/components/service-records/service-record-view';
import { PrintServiceRecordForm } from '@/components/service-records/print-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('serviceRecords.title');

export default async function ServiceRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ printed?: string }>;
}) {
  const user = await requireUser();
  const { userId } = await params;
  const record = await getServiceRecord(user, userId);
  if (!record) notFound();
  const t = await getTranslations('serviceRecords');
  const [prints, zone] = await Promise.all([listPrints(userId), cityTimeZone(db)]);
  const printedCode = normalizeCode((await searchParams).printed ?? '');
  const justPrinted = printedCode ? prints.find((p) => p.code === printedCode) : undefined;
  const when = (d: Date) => {
    const z = instantToZoned(d, zone);
    return `${z.date} ${z.time}`;
  };
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 text-sm text-stone-700">{t('intro')}</p>
      {justPrinted && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t('printed', { code: formatCode(justPrinted.code) })}{' '}
          <a className="font-medium underline" href={`/api/service-records/prints/${justPrinted.id}`}>
            {t('download')}
          </a>
        </p>
      )}
      <ServiceRecordView record={record} />
      <Card className="mt-4">
        <h2 className="mb-2 font-semibold text-stone-900">{t('prints')}</h2>
        <p className="mb-3 text-sm text-stone-600">{t('printHelp')}</p>
        <PrintServiceRecordForm id={userId} label={t('print')} />
        {prints.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">{t('noPrints')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-100 text-sm">
            {prints.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {t('code')} <span className="font-mono">{formatCode(p.code)}</span> · {t('printedAt')} {when(p.printedAt)}
                </span>
                <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/api/service-records/prints/${p.id}`}>
                  {t('download')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
