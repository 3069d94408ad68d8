import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { listRequests, requestPairingOptions } from '@/lib/activities/queries';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { Icon, StatusBadge } from '@/components/activities/badges';
import { CloseRequestForm } from '@/components/activities/activity-actions';
import { whenText } from '@/components/activities/format';
import { cityTimeZone } from '@/lib/time/city-zone';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('activities.requests.title');

const STATUS_ICON = { OPEN: 'clock', ANSWERED: 'check', CLOSED: 'cross' } as const;

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; created?: string; closed?: string }>;
}) {
  const user = await requireUser();
  const q = await searchParams;
  const status = (['OPEN', 'ANSWERED', 'CLOSED'] as const).find((s) => s === q.status);
  const t = await getTranslations('activities');
  const [rows, askable, timeZone] = await Promise.all([
    listRequests(user, { status }, db),
    requestPairingOptions(user, db),
    cityTimeZone(db),
  ]);
  const tab = (s: string | undefined, label: string) => (
    <Link
      href={s ? `/requests?status=${s}` : '/requests'}
      aria-current={status === s ? 'page' : undefined}
      className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm ${status === s ? 'bg-brand-700 text-white' : 'border border-stone-300 bg-white'}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('requests.title')}>
        {askable.length > 0 && (
          <Link
            href="/requests/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            + {t('requests.new')}
          </Link>
        )}
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">{t('requests.intro')}</p>
      {(q.created || q.closed) && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t(q.created ? 'requests.created' : 'requests.closed')}
        </p>
      )}
      <nav className="mb-3 flex flex-wrap gap-2" aria-label={t('filters.status')}>
        {tab(undefined, t('filters.all'))}
        {(['OPEN', 'ANSWERED', 'CLOSED'] as const).map((s) => (
          <span key={s}>{tab(s, t(`requests.statuses.${s}`))}</span>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p>{t('requests.empty')}</p>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {rows.map((r) => (
            <li key={r.id} id={`request-${r.id}`} className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                <span className="inline-flex items-center gap-1 rounded-full border border-stone-400 px-2 py-0.5 font-medium text-stone-800">
                  <Icon name={STATUS_ICON[r.status]} className="size-3.5" />
                  {t(`requests.statuses.${r.status}`)}
                </span>
                {t(`requests.kinds.${r.kind}`)} · {r.pairing}
              </p>
              <h2 className="font-medium text-stone-900">{r.title}</h2>
              {r.details && <p className="whitespace-pre-wrap text-sm text-stone-700">{r.details}</p>}
              <p className="text-xs text-stone-600">
                {t('requests.askedBy', { name: r.createdBy, date: isoOf(r.createdAt) })}
                {r.neededBy && ` · ${t('requests.neededBy')} ${isoOf(r.neededBy)}`}
              </p>
              <div className="rounded-md bg-stone-50 p-2">
                <h3 className="text-xs font-medium text-stone-600">{t('requests.answer')}</h3>
                {r.activities.length === 0 ? (
                  <p className="text-sm">{t('requests.noAnswer')}</p>
                ) : (
                  <ul className="text-sm">
                    {r.activities.map((a) => (
                      <li key={a.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/activities/${a.id}`} className="text-brand-800 underline">
                          {a.title}
                        </Link>
                        <span className="text-stone-600">{whenText(a.startsAt, null, timeZone)}</span>
                        <StatusBadge value={a.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="flex flex-wrap gap-2">
                {r.canAnswer && (
                  <Link
                    href={`/activities/new?request=${r.id}`}
                    className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
                  >
                    {t('actions.planForRequest')}
                  </Link>
                )}
                {r.canClose && <CloseRequestForm id={r.id} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
