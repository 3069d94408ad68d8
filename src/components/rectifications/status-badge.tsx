import type { RectificationStatus } from '@/generated/prisma/enums';

const STYLE: Record<RectificationStatus, string> = {
  OPEN: 'border-sky-300 bg-sky-50 text-sky-900',
  ANSWERED: 'border-violet-300 bg-violet-50 text-violet-900',
  RETURNED: 'border-amber-400 bg-amber-50 text-amber-900',
  CLOSED: 'border-emerald-400 bg-emerald-50 text-emerald-900',
};

const BADGE = 'inline-flex items-center rounded-full border px-2 text-xs font-medium';

/** A rectification's state in words (never by colour alone); overdue is said beside it. */
export function RectificationStatusBadge({
  status,
  label,
  overdueLabel,
}: {
  status: RectificationStatus;
  label: string;
  /** Set when the rectification is overdue. */
  overdueLabel?: string;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`${BADGE} ${STYLE[status]}`} data-status={status}>
        {label}
      </span>
      {overdueLabel && (
        <span className={`${BADGE} border-red-500 bg-red-50 text-red-900`} data-testid="overdue-flag">
          <span aria-hidden>⚠ </span>
          {overdueLabel}
        </span>
      )}
    </span>
  );
}
