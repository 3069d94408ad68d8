import type { Status } from '@/lib/effect-tests/rules';

// Shape and word carry the status as well as colour (WCAG 1.4.1): ✓ met, → on track, ! at risk, ✗ missed, … not yet due.
const STYLE: Record<Status, { icon: string; className: string }> = {
  MET: { icon: '✓', className: 'border-green-700 bg-green-50 text-green-900' },
  ON_TRACK: { icon: '→', className: 'border-sky-700 bg-sky-50 text-sky-900' },
  AT_RISK: { icon: '!', className: 'border-amber-700 bg-amber-50 text-amber-950' },
  MISSED: { icon: '✗', className: 'border-red-700 bg-red-50 text-red-900' },
  NOT_YET_DUE: { icon: '…', className: 'border-stone-400 bg-stone-50 text-stone-700' },
};

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const s = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${s.className}`}>
      <span aria-hidden="true" className="font-bold">{s.icon}</span>
      {label}
    </span>
  );
}
