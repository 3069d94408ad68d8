export function StatusBadge({ status, label }: { status: 'active' | 'ended'; label: string }) {
  return (
    <span
      className={`shrink-0 rounded px-2 py-0.5 text-xs ${status === 'active' ? 'bg-brand-50 text-brand-800' : 'bg-stone-200 text-stone-700'}`}
    >
      {label}
    </span>
  );
}
