import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClosedInfo } from '@/lib/effect-tests/evaluate';

/** Said above effect-test figures of a closed period: they are the frozen ones. */
export async function FrozenNotice({ closed }: { closed: { semester: ClosedInfo | null; year: ClosedInfo | null } }) {
  if (!closed.semester && !closed.year) return null;
  const t = await getTranslations('bulletins.closed');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="mb-3 rounded-md border border-sky-700 bg-sky-50 px-3 py-2 text-sm text-sky-950" data-testid="frozen-notice">
      {closed.semester && <p>🔒 {t('semesterFrozen', { date: day(closed.semester.closedAt) })}</p>}
      {closed.year && <p>🔒 {t('yearFrozen', { date: day(closed.year.closedAt) })}</p>}
    </div>
  );
}
