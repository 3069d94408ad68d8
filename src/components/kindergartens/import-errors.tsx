import { getTranslations } from 'next-intl/server';
import type { PreviewRow } from '@/lib/spreadsheet/import-batch';
import { isMessageKey } from '@/i18n/translator';

/** Each bad cell: row number as in the spreadsheet, column, and what to fix. */
export async function ImportErrors({ rows, columnLabel }: { rows: PreviewRow<unknown>[]; columnLabel: (key: string) => string }) {
  const t = await getTranslations();
  const errors = rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.rowNumber}-${i}`, row: r.rowNumber, ...e })));
  return (
    <section className="mb-4 rounded-lg border border-red-700 bg-white p-3" aria-labelledby="import-errors">
      <h2 id="import-errors" className="font-semibold text-red-900">
        {t('kindergartens.import.errorsTitle')}
      </h2>
      <p className="mb-2 text-sm text-stone-700">{t('kindergartens.import.errorsHelp')}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-left text-sm">
          <thead>
            <tr className="border-b border-stone-200">
              <th scope="col" className="p-2">
                {t('kindergartens.import.row')}
              </th>
              <th scope="col" className="p-2">
                {t('kindergartens.import.column')}
              </th>
              <th scope="col" className="p-2">
                {t('kindergartens.import.reason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e) => (
              <tr key={e.key} className="border-b border-stone-100 align-top" data-testid="import-error">
                <td className="p-2 tabular-nums">{e.row}</td>
                <td className="p-2 whitespace-nowrap">{columnLabel(e.column)}</td>
                <td className="p-2">{isMessageKey(t, e.message) ? t(e.message, e.params) : e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
