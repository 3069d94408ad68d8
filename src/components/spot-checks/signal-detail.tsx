import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { RelatedRecord, Signal, SignalSettings } from '@/lib/signals/sql';
import type { SignalKind } from '@/lib/signals/rules';

/** A signal's kind as a small label: amber, a reason to look, never red like an error. */
export async function SignalKindBadge({ kind }: { kind: SignalKind }) {
  const t = await getTranslations('spotChecks.signals');
  return (
    <span className="inline-flex items-center rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" data-signal={kind}>
      {t(`kinds.${kind}`)}
    </span>
  );
}

async function Related({ records }: { records: RelatedRecord[] }) {
  const format = await getFormatter();
  if (records.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-1">
      {records.map((r) => (
        <li key={r.id}>
          <Link href={`/activities/${r.id}`} className="text-brand-800 underline">
            {r.title}
          </Link>{' '}
          <span className="text-xs text-stone-600">{format.dateTime(r.startsAt, { dateStyle: 'medium' })}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * What a signal says, in words that point at something to look at and never pass judgement. Records
 * outside the reader's scope are never named: only that one exists in another county.
 */
export async function SignalDetail({ signal: s, settings }: { signal: Signal; settings: SignalSettings }) {
  const t = await getTranslations('spotChecks.signals');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const list = (xs: string[]) => format.list(xs, { type: 'conjunction', style: 'narrow' });
  const elsewhere = (text: string) => <p className="mt-1 text-sm text-stone-700">{text}</p>;
  switch (s.kind) {
    case 'lateEntry':
      return <p className="text-sm">{t('detail.lateEntry', { days: s.days, date: day(s.enteredAt) })}</p>;
    case 'afterClose':
      return (
        <p className="text-sm">
          {t('detail.afterClose', { from: s.periodStartsOn, to: s.periodEndsOn, closed: day(s.closedAt), date: day(s.enteredAt) })}
        </p>
      );
    case 'captureDate':
      return (
        <p className="text-sm">
          {t('detail.captureDate', { count: s.photos, dates: list(s.dates), days: settings.captureDateToleranceDays })}
        </p>
      );
    case 'similarPhoto':
      return (
        <div className="text-sm">
          {s.related.length > 0 && <p>{t('detail.similarPhoto')}</p>}
          <Related records={s.related} />
          {s.elsewhere && elsewhere(t('detail.similarPhotoElsewhere'))}
        </div>
      );
    case 'reusedText': {
      const fields = list(s.fields.map((f) => t(`fields.${f}`)));
      return (
        <div className="text-sm">
          {s.related.length > 0 && <p>{t('detail.reusedText', { fields })}</p>}
          <Related records={s.related} />
          {s.elsewhere && elsewhere(t('detail.reusedTextElsewhere', { fields }))}
        </div>
      );
    }
    case 'twoPlaces': {
      const people = list(s.people);
      return (
        <div className="text-sm">
          {s.related.length > 0 && <p>{t('detail.twoPlaces', { people })}</p>}
          <Related records={s.related} />
          {s.elsewhere && elsewhere(t('detail.twoPlacesElsewhere', { people }))}
        </div>
      );
    }
  }
}
