import { Suspense } from 'react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { getPrintByCode } from '@/lib/service-records/queries';
import { formatCode, normalizeCode } from '@/lib/service-records/code';
import { cityTimeZone } from '@/lib/time/city-zone';
import { instantToZoned } from '@/lib/time/zoned';
import { ServiceRecordView } from '@/components/service-records/service-record-view';
import { VerifyForm } from '@/components/service-records/verify-form';
import { titled } from '@/i18n/page-title';
import { LocaleSwitchFor as LocaleSwitch } from '@/components/shell/locale-switch-for';

export const generateMetadata = titled('serviceRecords.verify.title');

/** Public: what a printed record said on the day it was printed, and nothing else (no links into the app). */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const raw = decodeURIComponent((await params).code).slice(0, 40);
  const code = normalizeCode(raw);
  const print = code ? await getPrintByCode(code, db) : null;
  const t = await getTranslations('serviceRecords.verify');
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-4 px-4 py-8">
      {/* A title committee may not read Chinese: the same switch as the sign-in page, no account needed. */}
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-xl font-semibold text-stone-900">{t('title')}</h1>
        <Suspense>
          <LocaleSwitch className="text-brand-700" />
        </Suspense>
      </div>
      {print ? (
        <>
          <p role="status" className="rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-900">
            <span className="font-mono">{formatCode(print.code)}</span> ·{' '}
            {t('genuine', { date: instantToZoned(print.printedAt, await cityTimeZone(db)).date })}
          </p>
          <p className="text-sm text-stone-600">{t('only')}</p>
          <ServiceRecordView record={print.record} />
          <Link href="/verify" className="inline-flex min-h-11 items-center self-start text-brand-700 underline">
            {t('again')}
          </Link>
        </>
      ) : (
        <VerifyForm code={raw} error={code ? t('notFound') : t('invalid')} />
      )}
    </main>
  );
}
