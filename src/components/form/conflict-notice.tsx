'use client';
import { useTranslations } from '@/components/intl/client-translations';
import type { ConflictView } from '@/lib/action-state';

/** Shows, field by field, what the person typed beside what someone else saved meanwhile (pairings, kindergartens). */
export function ConflictNotice({ conflict }: { conflict: ConflictView }) {
  const t = useTranslations('pairings.conflict');
  return (
    <div role="alert" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-stone-900">
      <p className="mb-2 font-medium">{conflict.title}</p>
      {conflict.changes.length === 0 ? (
        <p>{t('noDiff')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[18rem] text-left">
            <thead>
              <tr className="border-b border-amber-300">
                <th scope="col" className="py-1 pr-2">
                  {t('field')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('theirs')}
                </th>
                <th scope="col" className="py-1">
                  {t('current')}
                </th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((c) => (
                <tr key={c.label} className="border-b border-amber-200 align-top">
                  <th scope="row" className="py-1 pr-2 font-medium">
                    {c.label}
                  </th>
                  <td className="py-1 pr-2 whitespace-pre-line">{c.theirs || t('empty')}</td>
                  <td className="py-1 whitespace-pre-line">{c.current || t('empty')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
