import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ChecklistResult } from '@/generated/prisma/enums';
import { isoOf } from '@/lib/time/date-only';

export type FindingView =
  | {
      kind: 'inspection';
      inspectionId: string;
      inspectedOn: Date;
      title: string;
      titleEn: string;
      result: ChecklistResult | null;
      note: string;
    }
  | { kind: 'spotCheck'; activityId: string; activityTitle: string; startsAt: Date; note: string };

/** Where a rectification comes from: the inspection's checklist item, or the questioned activity record. */
export async function Finding({ finding }: { finding: FindingView }) {
  const t = await getTranslations('rectifications');
  const format = await getFormatter();
  const locale = await getLocale();
  if (finding.kind === 'inspection') {
    const title = locale === 'en' && finding.titleEn ? finding.titleEn : finding.title;
    return (
      <div className="flex flex-col gap-1 text-sm" data-testid="finding">
        <p className="text-stone-700">{t('fromInspection', { date: isoOf(finding.inspectedOn) })}</p>
        <p className="font-medium">
          {title} · <span className="text-red-800">{t(`result.${finding.result ?? 'none'}`)}</span>
        </p>
        {finding.note && (
          <p className="whitespace-pre-wrap">
            <span className="block text-xs text-stone-600">{t('itemNote')}</span>
            {finding.note}
          </p>
        )}
        <Link
          href={`/inspections/${finding.inspectionId}`}
          className="inline-flex min-h-11 items-center self-start text-brand-800 underline"
        >
          {t('openInspection')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="finding">
      <p className="text-stone-700">{t('fromSpotCheck')}</p>
      <p className="font-medium">
        {finding.activityTitle} · {t('activityOn', { date: format.dateTime(finding.startsAt, { dateStyle: 'medium' }) })}
      </p>
      {finding.note && (
        <p className="whitespace-pre-wrap">
          <span className="block text-xs text-stone-600">{t('spotCheckNote')}</span>
          {finding.note}
        </p>
      )}
      <Link href={`/activities/${finding.activityId}`} className="inline-flex min-h-11 items-center self-start text-brand-800 underline">
        {t('openActivity')}
      </Link>
    </div>
  );
}
