import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { getReviewIndex } from '@/lib/cycle-review/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';
import { regionName } from '@/i18n/region-name';

export const generateMetadata = titled('cycleReview.index.title');

/** Where the end of each cycle is found: the roll-up (bureau), the pairings' reviews (directors), the summaries (everyone in scope). */
export default async function CycleReviewIndexPage() {
  const user = await requireUser();
  const [t, rows, locale] = await Promise.all([getTranslations('cycleReview'), getReviewIndex(user), getLocale()]);
  return (
    <>
      <PageHeader title={t('index.title')} />
      <p className="mb-4 max-w-3xl text-stone-700">{t('index.intro')}</p>
      <div className="flex flex-col gap-4">
        {rows.map((r) => (
          <Card key={r.cycle.id}>
            <h2 className="mb-2 font-semibold">{r.cycle.name}</h2>
            {r.hasRollup && (
              <p className="mb-2">
                <Link href={`/cycles/${r.cycle.id}/review`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                  {t('index.rollup')}
                </Link>
              </p>
            )}
            {r.pairings.length > 0 && (
              <>
                <h3 className="text-sm font-medium text-stone-800">{t('index.pairings')}</h3>
                <ul className="mb-2 flex flex-col text-sm">
                  {r.pairings.map((p) => (
                    <li key={p.id}>
                      <Link href={`/pairings/${p.id}/review`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                        {p.supporting.name} · {p.assisted.name}
                      </Link>
                      {p.toConfirm > 0 && (
                        <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                          {t('index.toConfirm', { count: p.toConfirm })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3 className="text-sm font-medium text-stone-800">{t('index.summaries')}</h3>
            {r.summaries.length === 0 ? (
              <p className="text-sm text-stone-600">{t('index.noSummaries')}</p>
            ) : (
              <ul className="flex flex-col text-sm">
                {r.summaries.map((s) => (
                  <li key={s.scope}>
                    <Link
                      href={`/cycles/${r.cycle.id}/summary/${s.scope}`}
                      className="inline-flex min-h-11 items-center text-brand-800 underline"
                    >
                      {regionName(s, locale)}
                    </Link>{' '}
                    · {t(`summary.status.${s.status}`)}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
