'use client';
import { useState } from 'react';
import { useTranslations } from '@/components/intl/client-translations';

/**
 * A plain link to the streamed zip: the browser's own download bar shows the bytes arriving.
 * Until the first bytes come (the index PDF is written first) the page says it is preparing;
 * the download gives no "finished" event to a page, so the note simply stays a while.
 */
export function DownloadArchive({ href }: { href: string }) {
  const t = useTranslations('archive');
  const [preparing, setPreparing] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <a
        href={href}
        download
        onClick={() => {
          setPreparing(true);
          setTimeout(() => setPreparing(false), 15000);
        }}
        className="inline-flex min-h-11 w-fit items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
        data-testid="archive-download"
      >
        ⤓ {t('download')}
      </a>
      {preparing ? (
        <p role="status" className="flex items-center gap-2 text-sm text-stone-700">
          <span className="inline-block size-4 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" aria-hidden />
          {t('preparing')}
        </p>
      ) : (
        <p className="text-xs text-stone-600">{t('downloadHelp')}</p>
      )}
    </div>
  );
}
