import { useTranslations } from 'next-intl';
import { Icon } from '@/components/activities/badges';

export function RatingBadge({ rating }: { rating: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' | null }) {
  const t = useTranslations('teaching');
  const tone = !rating
    ? 'border-stone-400 text-stone-700'
    : rating === 'FAIL'
      ? 'border-red-700 bg-red-50 text-red-900'
      : rating === 'EXCELLENT'
        ? 'border-emerald-700 bg-emerald-50 text-emerald-900'
        : 'border-stone-500 bg-stone-50 text-stone-900';
  // A star, a tick, a cross or a clock: the rating reads without colour.
  const mark = !rating ? 'clock' : rating === 'EXCELLENT' ? 'star' : rating === 'FAIL' ? 'cross' : 'check';
  return (
    <span className={`inline-flex w-fit items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`}>
      <Icon name={mark} className="size-3.5" />
      {rating ? t(`ratings.${rating}`) : t('notRated')}
    </span>
  );
}
