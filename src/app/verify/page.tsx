import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeCode } from '@/lib/service-records/code';
import { VerifyForm } from '@/components/service-records/verify-form';
import { titled } from '@/i18n/page-title';
import { LocaleSwitchFor as LocaleSwitch } from '@/components/shell/locale-switch-for';

export const generateMetadata = titled('serviceRecords.verify.title');

/** Public: whoever holds a printed service record (a title committee) checks its code here, signed in or not. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const typed = ((await searchParams).code ?? '').slice(0, 40);
  const code = typed ? normalizeCode(typed) : null;
  if (code) redirect(`/verify/${code}`);
  const t = await getTranslations('serviceRecords.verify');
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col gap-4 px-4 py-8">
      {/* A title committee may not read Chinese: the same switch as the sign-in page, no account needed. */}
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-xl font-semibold text-stone-900">{t('title')}</h1>
        <Suspense>
          <LocaleSwitch className="text-brand-700" />
        </Suspense>
      </div>
      <p className="text-stone-700">{t('intro')}</p>
      <VerifyForm code={typed} error={typed ? t('invalid') : undefined} />
    </main>
  );
}
