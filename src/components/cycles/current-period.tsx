import { getTranslations } from 'next-intl/server';
import { getCurrentPeriod } from '@/lib/cycles/queries';
import { sortSemesters } from '@/lib/cycles/periods';

type T = Awaited<ReturnType<typeof getTranslations<'cycles'>>>;

export function cycleName(t: T, startYear: number) {
  return t('name', { from: startYear, to: startYear + 2 });
}

export function academicYearName(t: T, year: number) {
  return t('academicYear', { from: year, to: year + 1 });
}

/** Today's cycle, academic year and semester in the city's time zone: one line, shown where it matters. */
export async function CurrentPeriod({ className = '' }: { className?: string }) {
  const t = await getTranslations('cycles');
  const p = await getCurrentPeriod();
  let text: string;
  if (p.cycle) {
    const cycle = cycleName(t, p.cycle.startYear);
    if (p.semester && p.academicYear != null) {
      text = t('current.inSemester', { cycle, year: academicYearName(t, p.academicYear), term: t(`term.${p.semester.term}`) });
    } else {
      const next = sortSemesters(p.cycle.semesters).find((s) => s.startsOn > p.today);
      text = next ? t('current.holiday', { cycle, next: t(`term.${next.term}`), date: next.startsOn }) : t('current.summer', { cycle });
    }
  } else if (p.next) {
    text = t('current.between', { next: cycleName(t, p.next.startYear), date: p.next.startsOn ?? '' });
  } else if (p.previous) {
    text = t('current.after', { cycle: cycleName(t, p.previous.startYear) });
  } else {
    text = t('current.none');
  }
  return (
    <p
      className={`inline-flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-1.5 text-sm text-brand-800 ${className}`}
      data-testid="current-period"
    >
      <span className="font-semibold">{t('current.label')}</span>
      <span>{text}</span>
    </p>
  );
}
