import Link from '@/components/ui/link';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { periodKey, riskScore, TEST_IDS } from '@/lib/effect-tests/evaluate';
import {
  currentEvaluation,
  openRequests,
  plannedNext,
  receivedInSemester,
  teacherLessons,
  teacherPapersAndMentoring,
} from '@/lib/effect-tests/home-queries';
import { isoOf } from '@/lib/time/date-only';
import { Card } from '@/components/ui/page-header';
import { ResultBadge } from './result-badge';
import { TEST_DETAIL_ID, TestResultLink } from './test-result-link';
import { figureLine, semesterLabel } from './figure';

const fallback = (
  <Card className="mb-4">
    <p className="text-sm text-stone-500">…</p>
  </Card>
);

/** The effect-test cards of each role's home page, each in its own Suspense. */
export function EffectsHome({ user }: { user: Actor }) {
  if (user.role === 'CITY_ADMIN' || user.role === 'COUNTY_ADMIN') {
    return (
      <Suspense fallback={fallback}>
        <AdminSummary user={user} />
      </Suspense>
    );
  }
  if (user.role === 'DIRECTOR') {
    return (
      <>
        <Suspense fallback={fallback}>
          <DirectorTests user={user} />
        </Suspense>
        <div className="mb-4 grid gap-4 md:grid-cols-2">
          <Suspense fallback={fallback}>
            <PlannedNext user={user} />
          </Suspense>
          <Suspense fallback={fallback}>
            <OpenRequests user={user} />
          </Suspense>
        </div>
        <Suspense fallback={fallback}>
          <Received user={user} />
        </Suspense>
      </>
    );
  }
  return (
    <div className="mb-4 grid gap-4 md:grid-cols-2">
      <Suspense fallback={fallback}>
        <TeacherLessons user={user} />
      </Suspense>
      <Suspense fallback={fallback}>
        <TeacherPapersAndMentoring user={user} />
      </Suspense>
    </div>
  );
}

async function AdminSummary({ user }: { user: Actor }) {
  const ev = await currentEvaluation(user, db);
  const t = await getTranslations('effectTests');
  const td = await getTranslations('dashboards');
  const format = await getFormatter();
  if (!ev) return null;
  const counts: Record<string, number> = {};
  for (const p of ev.pairings) for (const r of Object.values(p.results)) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const worst = ev.pairings
    .filter((p) => riskScore(p) > 0)
    .sort((a, b) => riskScore(b) - riskScore(a))
    .slice(0, 5);
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">
        {td('summary')} · {semesterLabel(t, ev.period.semester)}
      </h2>
      <p className="mb-2 text-sm">{t('count', { count: ev.pairings.length })}</p>
      <ul className="mb-3 flex flex-wrap gap-2">
        {(['MET', 'ON_TRACK', 'AT_RISK', 'MISSED'] as const).map((s) => (
          <li key={s}>
            <Link href={`/effect-tests?status=${s}`} className="inline-flex min-h-11 items-center gap-1">
              <ResultBadge status={s} label={t(`statusName.${s}`)} />
              <span className="tabular-nums">{format.number(counts[s] ?? 0)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {worst.length > 0 && (
        <>
          <h3 className="text-sm font-semibold">{td('atRisk')}</h3>
          <ol className="mb-2 list-decimal pl-5 text-sm">
            {worst.map((p) => (
              <li key={p.id}>
                <Link
                  className="inline-flex min-h-11 items-center text-brand-800 underline"
                  href={`/pairings/${p.id}/effect-tests?period=${encodeURIComponent(periodKey(ev.period))}`}
                >
                  {p.supporting.name} → {p.assisted.name}
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
      <Link href="/effect-tests" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
        {td('openDashboard')}
      </Link>
    </Card>
  );
}

/** A supporting director sees S1–S5 per assisted kindergarten; an assisted director A1–A6. */
async function DirectorTests({ user }: { user: Actor }) {
  const ev = await currentEvaluation(user, db);
  const t = await getTranslations('effectTests');
  const td = await getTranslations('dashboards');
  const format = await getFormatter();
  if (!ev || ev.pairings.length === 0) return null;
  return (
    <>
      {ev.pairings.map((p) => {
        const supporting = p.supporting.id === user.kindergartenId;
        const tests = TEST_IDS.filter((id) => (supporting ? id.startsWith('S') : id.startsWith('A')));
        const s1 = p.results.S1.figure;
        return (
          <Card key={p.id} className="mb-4">
            <h2 className="mb-2 font-semibold">
              {supporting ? td('obligations', { name: p.assisted.name }) : td('assistedTests', { name: p.supporting.name })}
            </h2>
            {supporting && s1.kind === 'months' && (
              <ul className="mb-2 flex flex-wrap gap-1 text-xs" aria-label={t('testName.S1')}>
                {s1.months.map((m) => (
                  <li
                    key={m.month}
                    className={`rounded border px-1.5 py-0.5 ${m.visited ? 'border-green-700 bg-green-50' : m.due ? 'border-red-700 bg-red-50' : 'border-stone-300'}`}
                  >
                    {m.visited ? '✓' : m.due ? '✗' : '…'} {m.month}
                  </li>
                ))}
              </ul>
            )}
            <ul className="flex flex-col divide-y divide-stone-100 text-sm">
              {tests.map((id) => {
                const r = p.results[id];
                return (
                  <li key={id}>
                    <TestResultLink
                      href={`/pairings/${p.id}/effect-tests?test=${id}&period=${encodeURIComponent(periodKey(ev.period))}#${TEST_DETAIL_ID}`}
                      id={id}
                      name={t(`testName.${id}`)}
                      status={r.status}
                      statusLabel={t(`statusName.${r.status}`)}
                      figure={figureLine(t, format, r.figure)}
                      className="py-1"
                    />
                  </li>
                );
              })}
            </ul>
          </Card>
        );
      })}
    </>
  );
}

async function PlannedNext({ user }: { user: Actor }) {
  const td = await getTranslations('dashboards');
  const rows = await plannedNext(user, db);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('planned')}</h2>
      {rows.length === 0 ? (
        <p className="text-sm">{td('noPlanned')}</p>
      ) : (
        <ul className="text-sm">
          {rows.map((a) => (
            <li key={a.id} className="py-1">
              <span className="tabular-nums text-stone-600">{a.date}</span>{' '}
              <Link className="inline-flex min-h-11 items-center text-brand-800 underline" href={`/activities/${a.id}`}>
                {a.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

async function OpenRequests({ user }: { user: Actor }) {
  const td = await getTranslations('dashboards');
  const rows = await openRequests(user, db);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('openRequests')}</h2>
      {rows.length === 0 ? (
        <p className="text-sm">{td('noRequests')}</p>
      ) : (
        <ul className="text-sm">
          {rows.map((r) => (
            <li key={r.id} className="py-1">
              <Link className="inline-flex min-h-11 items-center text-brand-800 underline" href="/requests">
                {r.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The assisted side: what it received this semester; the class hours are S2's own figure. */
async function Received({ user }: { user: Actor }) {
  if (!user.kindergartenId) return null;
  const ev = await currentEvaluation(user, db);
  const r = ev && (await receivedInSemester(user, ev, db));
  if (!ev || !r) return null;
  const td = await getTranslations('dashboards');
  const t = await getTranslations('effectTests');
  const format = await getFormatter();
  const n = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{td('received', { semester: semesterLabel(t, ev.period.semester) })}</h2>
      <ul className="text-sm">
        <li>{td('activitiesReceived', { count: r.activities })}</li>
        <li>{td('hoursReceived', { have: n(r.hours.have), need: n(r.hours.need) })}</li>
        <li>{td('donations', { count: r.donations, value: format.number(r.value) })}</li>
      </ul>
    </Card>
  );
}

async function TeacherLessons({ user }: { user: Actor }) {
  const td = await getTranslations('dashboards');
  const t = await getTranslations('effectTests');
  const rows = await teacherLessons(user, db);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('myLessons')}</h2>
      {rows.length === 0 ? (
        <p className="text-sm">{td('noLessons')}</p>
      ) : (
        <ul className="text-sm">
          {rows.map((l) => (
            <li key={l.id} className="py-1">
              <span className="tabular-nums text-stone-600">{isoOf(l.heldOn)}</span>{' '}
              <Link className="inline-flex min-h-11 items-center text-brand-800 underline" href={`/lessons/${l.id}`}>
                {l.title}
              </Link>{' '}
              · {l.rating ? t(`rating.${l.rating}`) : '—'}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

async function TeacherPapersAndMentoring({ user }: { user: Actor }) {
  const td = await getTranslations('dashboards');
  const [papers, pairs] = await teacherPapersAndMentoring(user, db);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{td('myMentoring')}</h2>
      {pairs.length === 0 ? (
        <p className="mb-2 text-sm">{td('noMentoring')}</p>
      ) : (
        <ul className="mb-2 text-sm">
          {pairs.map((m) => (
            <li key={m.id}>
              <Link className="inline-flex min-h-11 items-center text-brand-800 underline" href={`/mentoring/${m.id}`}>
                {m.mentor.name} → {m.apprentice.name}
              </Link>{' '}
              ({m._count.sessions})
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-2 font-semibold">{td('myPapers')}</h2>
      {papers.length === 0 ? (
        <p className="text-sm">{td('noPapers')}</p>
      ) : (
        <ul className="text-sm">
          {papers.map((p) => (
            <li key={p.id}>
              <Link className="inline-flex min-h-11 items-center text-brand-800 underline" href={`/papers#paper-${p.id}`}>
                {p.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
