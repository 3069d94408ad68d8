'use client';
import { useFormatter, useTranslations } from '@/components/intl/client-translations';

export function DraftNotice({ savedAt, onDiscard }: { savedAt: number; onDiscard: () => void }) {
  const t = useTranslations('form.draft');
  const format = useFormatter();
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-700 bg-sky-50 px-3 py-2 text-sm text-sky-900"
      data-testid="draft-notice"
    >
      <span>{t('restored', { time: format.dateTime(new Date(savedAt), { hour: '2-digit', minute: '2-digit' }) })}</span>
      <button type="button" onClick={onDiscard} className="min-h-11 rounded-md border border-sky-700 bg-white px-3">
        {t('discard')}
      </button>
    </div>
  );
}
