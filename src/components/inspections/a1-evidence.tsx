import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { a1Inspection } from '@/lib/inspections/queries';
import { GradeBadge, ResultBadge } from './badges';

/** A1's drill-down: the recorded inspection that decided it, its grade and its A1 items as judged. */
export async function A1InspectionEvidence({ inspection }: { inspection: NonNullable<Awaited<ReturnType<typeof a1Inspection>>> }) {
  const t = await getTranslations('inspections');
  const locale = await getLocale();
  return (
    <section className="mb-3 rounded-md border border-stone-200 p-2 text-sm" data-testid="a1-inspection">
      <p className="mb-1 flex flex-wrap items-center gap-2">
        <Link href={`/inspections/${inspection.id}`} className="font-medium text-brand-800 underline">
          {t('a1Evidence.title', { date: inspection.inspectedOn })}
        </Link>
        {inspection.grade && <GradeBadge grade={inspection.grade} label={t(`grade.${inspection.grade}`)} />}
        <span className="text-stone-600">{inspection.announced ? t('announced.yes') : t('announced.no')}</span>
      </p>
      <p className="mb-1">{t(`detail.a1.${inspection.a1 ?? 'none'}`)}</p>
      <ul className="flex flex-col gap-1">
        {inspection.items.map((it) => (
          <li key={it.id} className="flex flex-wrap items-center gap-2">
            <span>{locale === 'en' && it.titleEn ? it.titleEn : it.title}</span>
            {it.result ? (
              <ResultBadge result={it.result} label={t(`result.${it.result}`)} />
            ) : (
              <span className="text-xs">{t('item.notJudged')}</span>
            )}
            {it.note && <span className="text-xs text-stone-600">{it.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
