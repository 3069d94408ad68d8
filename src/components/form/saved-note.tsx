import { useTranslations } from 'next-intl';

export function SavedNote({ show }: { show: boolean }) {
  const t = useTranslations('teaching');
  if (!show) return null;
  return (
    <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {t('saved')}
    </p>
  );
}
