import type { Status } from '@/lib/effect-tests/rules';

// Shape and word carry the status as well as colour (WCAG 1.4.1): ✓ met, → on track, ! at risk,
// ✗ missed, … not yet due. Colours and the icon live in globals.css (.status-*), so a dense
// dashboard repeats one short class per badge.
const CLASS: Record<Status, string> = {
  MET: 'status-met',
  ON_TRACK: 'status-on-track',
  AT_RISK: 'status-at-risk',
  MISSED: 'status-missed',
  NOT_YET_DUE: 'status-not-yet-due',
};

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return <span className={`status-badge ${CLASS[status]}`}>{label}</span>;
}
