import { StatusBadge } from './status-badge';
import type { ResultStatus } from '@/lib/effect-tests/evaluate';

/** A status badge, or a plain dash with its word for a test that does not apply in the period. */
export function ResultBadge({ status, label }: { status: ResultStatus; label: string }) {
  if (status === 'NOT_APPLICABLE') return <span className="text-xs text-stone-600">— {label}</span>;
  return <StatusBadge status={status} label={label} />;
}
