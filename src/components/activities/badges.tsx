import { useTranslations } from 'next-intl';
import type { ActivityStatus, ConfirmationStatus } from '@/generated/prisma/enums';

type IconName = 'check' | 'clock' | 'alert' | 'cross' | 'half' | 'dot' | 'star';

/** Small icons so that states differ by shape and text, never by colour alone. */
export function Icon({ name, className = 'size-4' }: { name: IconName; className?: string }) {
  const paths: Record<IconName, React.ReactNode> = {
    check: <path d="M4 10.5l4 4 8-9" />,
    clock: (
      <>
        <circle cx="10" cy="10" r="7" />
        <path d="M10 6v4l3 2" />
      </>
    ),
    alert: (
      <>
        <path d="M10 3l8 14H2z" />
        <path d="M10 8v4M10 14.5v.5" />
      </>
    ),
    cross: <path d="M5 5l10 10M15 5L5 15" />,
    half: (
      <>
        <circle cx="10" cy="10" r="7" />
        <path d="M10 3a7 7 0 010 14z" fill="currentColor" />
      </>
    ),
    dot: <circle cx="10" cy="10" r="3" fill="currentColor" />,
    star: <path d="M10 2.5l2.3 4.9 5.2.6-3.9 3.6 1.1 5.2L10 14.2l-4.7 2.6 1.1-5.2-3.9-3.6 5.2-.6z" fill="currentColor" />,
  };
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`shrink-0 ${className}`}
    >
      {paths[name]}
    </svg>
  );
}

function Badge({
  icon,
  tone,
  children,
}: {
  icon: IconName;
  tone: 'green' | 'amber' | 'red' | 'stone' | 'blue';
  children: React.ReactNode;
}) {
  const tones = {
    green: 'border-emerald-700 bg-emerald-50 text-emerald-900',
    amber: 'border-amber-700 bg-amber-50 text-amber-900',
    red: 'border-red-700 bg-red-50 text-red-900',
    stone: 'border-stone-500 bg-stone-100 text-stone-800',
    blue: 'border-sky-700 bg-sky-50 text-sky-900',
  };
  return (
    <span className={`inline-flex w-fit items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      <Icon name={icon} className="size-3.5" />
      {children}
    </span>
  );
}

export function ConfirmationBadge({ value }: { value: ConfirmationStatus }) {
  const t = useTranslations('activities.confirmations');
  const look = { CONFIRMED: ['check', 'green'], PENDING: ['clock', 'stone'], DISPUTED: ['alert', 'red'] } as const;
  return (
    <Badge icon={look[value][0]} tone={look[value][1]}>
      {t(value)}
    </Badge>
  );
}

export function StatusBadge({ value }: { value: ActivityStatus }) {
  const t = useTranslations('activities.statuses');
  const look = { PLANNED: ['clock', 'blue'], DONE: ['dot', 'stone'], CANCELLED: ['cross', 'stone'] } as const;
  return (
    <Badge icon={look[value][0]} tone={look[value][1]}>
      {t(value)}
    </Badge>
  );
}

export function IncompleteBadge() {
  const t = useTranslations('activities');
  return (
    <Badge icon="half" tone="amber">
      {t('incomplete')}
    </Badge>
  );
}

export function ReceiptBadge({ received }: { received: boolean }) {
  const t = useTranslations('activities');
  return received ? (
    <Badge icon="check" tone="green">
      {t('received')}
    </Badge>
  ) : (
    <Badge icon="clock" tone="amber">
      {t('notReceived')}
    </Badge>
  );
}

/** The states of an activity as shown in lists and on its page. */
export function ActivityBadges({
  status,
  confirmation,
  incomplete,
  donation,
  received,
}: {
  status: ActivityStatus;
  confirmation: ConfirmationStatus;
  incomplete: boolean;
  donation?: boolean;
  received?: boolean;
}) {
  return (
    <span className="flex flex-wrap gap-1">
      <StatusBadge value={status} />
      {status === 'DONE' && <ConfirmationBadge value={confirmation} />}
      {incomplete && <IncompleteBadge />}
      {donation && status === 'DONE' && <ReceiptBadge received={!!received} />}
    </span>
  );
}
