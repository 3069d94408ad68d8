import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { archiveYears, defaultArchiveYear, getArchive, loadArchivePairing } from '@/lib/archive/queries';
import { instantToZoned } from '@/lib/time/zoned';
import { cityToday } from '@/lib/time/today';
import { isoOf } from '@/lib/time/date-only';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ConfirmationBadge } from '@/components/activities/badges';
import { LateBadge } from '@/components/bulletins/late-badge';
import { DownloadArchive } from '@/components/archive/download-archive';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('archive.title');

function Pct({ value }: { value: number | null }) {
  return <span className="text-xs text-stone-600">{value == null ? '—' : `${value}%`}</span>;
}

export default async function ArchivePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const p = await loadArchivePairing(user, id, db);
  if (!p) return denyAccess(user, { entityType: 'Pairing', entityId: id, path: `/pairings/${id}/archive` });
  const years = archiveYears(p.cycle.startYear);
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked > 2000 && asked < 2100 ? asked : defaultArchiveYear(p.cycle.startYear, await cityToday(db));
  const a = (await getArchive(user, id, year, db))!;
  const t = await getTranslations('archive');
  const ta = await getTranslations('activities');
  const tl = await getTranslations('bulletins.late');
  const tp = await getTranslations('teaching.annualPlans');
  const tt = await getTranslations('teaching');
  const format = await getFormatter();
  const tf = await getTranslations('form');
  const c = a.completeness;
  const stats: [string, number, number | null][] = [
    [t('completeness.done'), c.done, null],
    [t('completeness.complete'), c.complete, c.completePct],
    [t('completeness.confirmed'), c.confirmed, c.confirmedPct],
    [t('completeness.pending'), c.pending, null],
    [t('completeness.disputed'), c.disputed, null],
    [t('completeness.withEvidence'), c.withEvidence, c.evidencePct],
    [t('completeness.missingPlan'), c.missingPlan, null],
    [t('completeness.missingMeasures'), c.missingMeasures, null],
    [t('completeness.missingRecord'), c.missingRecord, null],
    [t('completeness.missingSummary'), c.missingSummary, null],
  ];
  const toFix = a.activities.filter((x) => x.status === 'DONE' && (x.missing.length > 0 || x.confirmation !== 'CONFIRMED'));
  const donations = a.activities.filter((x) => x.donationLines.length > 0);
  return (
    <>
      <Link href={`/pairings/${id}`} className="mb-2 inline-block text-sm text-brand-800 underline">
        ← {a.pairing.supporting} · {a.pairing.assisted}
      </Link>
      <PageHeader title={t('title')}>
        <nav aria-label={t('year')} className="flex gap-2">
          {years.map((y) => (
            <Link
              key={y}
              href={`/pairings/${id}/archive?year=${y}`}
              aria-current={y === year ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm ${y === year ? 'border-brand-700 bg-brand-50 font-medium' : 'border-stone-300 bg-white'}`}
            >
              {t('yearLabel', { year: y, next: y + 1 })}
            </Link>
          ))}
        </nav>
      </PageHeader>

      <div className="mb-4">
        <DownloadArchive href={`/api/archive/${id}?year=${year}`} />
      </div>

      <Card className="mb-4">
        <h2 className="mb-2 font-semibold">{t('completeness.title')}</h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="completeness">
          {stats.map(([label, n, pct]) => (
            <div key={label} className="rounded border border-stone-200 p-2">
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {format.number(n)} {pct != null && <Pct value={pct} />}
              </dd>
            </div>
          ))}
        </dl>
        {toFix.length > 0 && (
          <>
            <h3 className="mb-1 mt-3 text-sm font-medium">{t('completeness.listTitle')}</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {toFix.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/activities/${x.id}`} className="text-brand-800 underline">
                    {instantToZoned(x.startsAt, a.timeZone).date} {x.title}
                  </Link>
                  {x.missing.map((m) => (
                    <span key={m} className="rounded bg-amber-100 px-1 text-xs text-amber-900">
                      {t(`completeness.missing${m[0].toUpperCase()}${m.slice(1)}` as 'completeness.missingPlan')}
                    </span>
                  ))}
                  {x.confirmation !== 'CONFIRMED' && <ConfirmationBadge value={x.confirmation} />}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <Card className="mb-4">
        <h2 className="mb-2 font-semibold">{t('annualPlan')}</h2>
        {!a.plan ? (
          <p className="text-sm text-stone-600">{t('noPlan')}</p>
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p className="text-xs text-stone-600">
              {a.plan.planSubmittedAt ? t('planSubmitted') : t('notSubmitted')} ·{' '}
              {a.plan.summarySubmittedAt ? t('summarySubmitted') : t('notSubmitted')}
            </p>
            {/* The archive shows what the bureau filed; before that, the current text, said so. */}
            <p className="text-xs text-stone-600" data-testid="archive-filed">
              {tp('kindName.PLAN')}: {a.plan.planFiled ? tp('filedVersion', { number: a.plan.planFiled }) : tp('notFiledYet')} ·{' '}
              {tp('kindName.SUMMARY')}: {a.plan.summaryFiled ? tp('filedVersion', { number: a.plan.summaryFiled }) : tp('notFiledYet')}
            </p>
            {(['content', 'goals', 'methods', 'steps', 'personnel', 'measures', 'summary'] as const).map((k) => (
              <section key={k}>
                <h3 className="font-medium text-stone-700">{t(`pdf.planParts.${k}`)}</h3>
                <p className="whitespace-pre-wrap">{a.plan![k] || '—'}</p>
              </section>
            ))}
          </div>
        )}
      </Card>

      <Card className="mb-4">
        <h2 className="mb-2 font-semibold">{t('activities')}</h2>
        {a.activities.length === 0 && <p className="text-sm text-stone-600">{t('noActivities')}</p>}
        {a.months.map((m) => (
          <section key={m} className="mb-4 last:mb-0">
            <h3 className="mb-2 border-b border-stone-200 pb-1 text-sm font-semibold text-stone-700">{m}</h3>
            <ul className="flex flex-col gap-3">
              {a.activities
                .filter((x) => x.month === m)
                .map((x) => (
                  <li key={x.id} className="rounded border border-stone-200 p-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/activities/${x.id}`} className="font-medium text-brand-800 underline">
                        {x.title}
                      </Link>
                      <span className="text-xs text-stone-600">
                        {instantToZoned(x.startsAt, a.timeZone).date} · {ta(`types.${x.type}`)}
                        {x.classHours != null ? ` · ${ta('fields.classHours')} ${x.classHours}` : ''}
                      </span>
                      {x.status === 'DONE' ? (
                        <ConfirmationBadge value={x.confirmation} />
                      ) : (
                        <span className="text-xs">{ta(`statuses.${x.status}`)}</span>
                      )}
                      {x.lateCorrection && <LateBadge state={x.lateCorrection} label={tl(`badge.${x.lateCorrection}`)} />}
                    </div>
                    <details className="mt-1 text-sm">
                      <summary className="min-h-8 cursor-pointer text-stone-700">
                        {(['plan', 'measures', 'record', 'summary'] as const)
                          .map((k) => `${x[k].trim() ? '✓' : '✗'} ${t(`parts.${k}`)}`)
                          .join('  ')}
                      </summary>
                      {(['plan', 'measures', 'record', 'summary'] as const).map((k) => (
                        <p key={k} className="mt-1 whitespace-pre-wrap">
                          <span className="font-medium">{tf('labelled', { label: t(`parts.${k}`) })}</span>
                          {x[k] || '—'}
                        </p>
                      ))}
                    </details>
                    {x.evidence.length > 0 && (
                      <div className="mt-2 flex flex-wrap gap-2">
                        {x.evidence.map((f) =>
                          f.kind === 'PHOTO' ? (
                            <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noopener">
                              {/* eslint-disable-next-line @next/next/no-img-element -- scoped file route */}
                              <img
                                src={`/api/files/${f.id}?size=thumb`}
                                alt={f.originalName}
                                loading="lazy"
                                className="size-16 rounded border border-stone-200 object-cover"
                              />
                            </a>
                          ) : (
                            <a
                              key={f.id}
                              href={`/api/files/${f.id}`}
                              className="inline-flex min-h-8 items-center rounded border border-stone-300 px-2 text-xs text-brand-800 underline"
                            >
                              {f.originalName}
                            </a>
                          ),
                        )}
                      </div>
                    )}
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('lessons')}</h2>
          {a.lessons.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noLessons')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {a.lessons.map((l) => (
                <li key={l.id}>
                  <Link href={`/lessons/${l.id}`} className="text-brand-800 underline">
                    {isoOf(l.heldOn)} {l.title}
                  </Link>{' '}
                  <span className="text-xs text-stone-600">
                    · {l.teacher.name}
                    {l.rating ? ` · ${tt(`ratings.${l.rating}`)}` : ''}
                    {l.evidence.length ? ` · ${t('files', { count: l.evidence.length })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('papers')}</h2>
          {a.papers.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noPapers')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {a.papers.map((x) => (
                <li key={x.id}>
                  {isoOf(x.date)} {x.title}{' '}
                  <span className="text-xs text-stone-600">
                    · {x.author.name} · {x.venue} · {x.confirmedAt ? tt('papers.confirmed') : tt('papers.unconfirmed')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('mentoring')}</h2>
          {a.mentorPairs.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noMentoring')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {a.mentorPairs.map((m) => (
                <li key={m.id}>
                  <Link href={`/mentoring/${m.id}`} className="text-brand-800 underline">
                    {m.mentor.name} → {m.apprentice.name}
                  </Link>{' '}
                  <span className="text-xs text-stone-600">· {t('sessions', { count: m.sessions.length })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('programmes')}</h2>
          {a.programmes.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noProgrammes')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {a.programmes.map((x) => (
                <li key={x.id}>
                  <Link href={`/programmes/${x.id}`} className="text-brand-800 underline">
                    {x.title}
                  </Link>{' '}
                  <span className="text-xs text-stone-600">
                    · {tt(`programmes.kinds.${x.kind}`)} · {t('sessions', { count: x.records.length })}
                  </span>
                  {x.records.length > 0 && (
                    <ul className="ml-4 list-disc text-xs text-stone-700">
                      {x.records.map((r) => (
                        <li key={r.id}>
                          {isoOf(r.heldOn)} {r.title}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="md:col-span-2">
          <h2 className="mb-2 font-semibold">{t('donations')}</h2>
          {donations.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noDonations')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {donations.map((x) => (
                <li key={x.id}>
                  <Link href={`/activities/${x.id}`} className="text-brand-800 underline">
                    {x.title}
                  </Link>{' '}
                  <span className="text-xs text-stone-600">
                    ·{' '}
                    {format.number(
                      x.donationLines.reduce((s, l) => s + l.estimatedValue, 0),
                      { style: 'currency', currency: 'CNY' },
                    )}{' '}
                    · {x.receiptConfirmedAt ? t('received') : t('notReceived')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
