import Link from '@/components/ui/link';
import type { TestId } from '@/lib/effect-tests/rules';
import type { ResultStatus } from '@/lib/effect-tests/evaluate';
import { ResultBadge } from './result-badge';

/**
 * The id of the explanation of one test on a pairing's effect-test page. Links to a test end with
 * it, so that on a phone, where the explanation is laid out below the list of tests, the tap
 * scrolls it into view instead of seeming to do nothing.
 */
export const TEST_DETAIL_ID = 'test-detail';

/** One test of one pairing: id, name, status in words, and the figure; opens the records behind it. */
export function TestResultLink({
  href,
  id,
  name,
  status,
  statusLabel,
  figure,
  current = false,
  className = '',
}: {
  href: string;
  id: TestId;
  name: string;
  status: ResultStatus;
  statusLabel: string;
  figure: string;
  current?: boolean;
  className?: string;
}) {
  return (
    <Link
      href={href}
      aria-current={current ? 'true' : undefined}
      className={`flex min-h-11 flex-wrap items-center gap-x-2 gap-y-1 hover:bg-stone-50 ${className}`}
    >
      <span className="w-7 font-mono text-xs">{id}</span>
      <span className="min-w-0 flex-1">{name}</span>
      <ResultBadge status={status} label={statusLabel} />
      {status !== 'NOT_APPLICABLE' && <span className="w-full pl-9 text-xs text-stone-600">{figure}</span>}
    </Link>
  );
}
