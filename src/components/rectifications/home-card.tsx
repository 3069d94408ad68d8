import Link from '@/components/ui/link';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { HOME_PATH } from '@/lib/navigation';
import { rectificationCounts, type RectificationCounts } from '@/lib/rectifications/queries';
import { Card } from '@/components/ui/page-header';

const FIGURES = ['open', 'answered', 'overdue', 'closed'] as const satisfies readonly (keyof RectificationCounts)[];

/** The dashboards' card: rectifications waiting, to accept, overdue and accepted in the viewer's scope. */
export function RectificationsHome({ path }: { path: string }) {
  return (
    <Suspense fallback={null}>
      <RectificationsCard path={path} />
    </Suspense>
  );
}

async function RectificationsCard({ path }: { path: string }) {
  const user = await requireUser();
  // The dashboard is its role's alone (the page answers 404 to others): nothing is counted for them.
  if (HOME_PATH[user.role] !== path) return null;
  const counts = await rectificationCounts(user, db);
  if (!counts) return null;
  const t = await getTranslations('rectifications');
  const format = await getFormatter();
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">
        <Link href="/rectifications" className="underline decoration-stone-300">
          {t('homeTitle')}
        </Link>
      </h2>
      <RectificationFigures counts={counts} format={(n) => format.number(n)} label={(k) => t(`home.${k}`)} testId="rectification-home" />
    </Card>
  );
}

/** The four figures, each opening the list filtered to it; overdue in red when there are any. */
export function RectificationFigures({
  counts,
  format,
  label,
  testId,
  query = '',
}: {
  counts: RectificationCounts;
  format: (n: number) => string;
  label: (k: (typeof FIGURES)[number]) => string;
  testId: string;
  /** Extra filters the links carry (one pairing). */
  query?: string;
}) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid={testId}>
      {FIGURES.map((k) => (
        <div key={k}>
          <dt className="text-sm text-stone-600">{label(k)}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${k === 'overdue' && counts.overdue > 0 ? 'text-red-800' : ''}`}>
            <Link
              href={`/rectifications?status=${k}${query}`}
              className="inline-flex min-h-11 min-w-11 items-center underline decoration-stone-300"
              data-testid={`rectifications-${k}`}
            >
              {format(counts[k])}
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
