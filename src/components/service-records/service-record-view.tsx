import { getLocale, getTranslations } from 'next-intl/server';
import type { ServiceRecord } from '@/lib/service-records/queries';
import { countyName } from '@/lib/service-records/county';
import { Card } from '@/components/ui/page-header';

/** The record as the page, the verification page and (in words) the PDF show it. */
export async function ServiceRecordView({ record }: { record: ServiceRecord }) {
  const [t, locale] = await Promise.all([getTranslations('serviceRecords'), getLocale()]);
  const p = record.person;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <p className="text-lg font-semibold text-stone-900">
          {p.name} · {t(`role.${p.role === 'DIRECTOR' ? 'DIRECTOR' : 'TEACHER'}`)}
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-stone-700">
          <dt>{t('kindergarten')}</dt>
          <dd>{p.kindergarten ?? '—'}</dd>
          <dt>{t('county')}</dt>
          <dd>{countyName(p, locale) ?? '—'}</dd>
        </dl>
        <p className="mt-2 text-sm text-stone-600">{t('asOf', { date: record.asOf })}</p>
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('cycles')}</h2>
        {record.cycles.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noCycles')}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-stone-600">
                <tr>
                  <th className="py-1 pr-3 font-medium">{t('cycle')}</th>
                  <th className="py-1 pr-3 font-medium">{t('classHoursSent')}</th>
                  <th className="py-1 pr-3 font-medium">{t('sentActivities')}</th>
                  <th className="py-1 pr-3 font-medium">{t('followUpHosted')}</th>
                  <th className="py-1 pr-3 font-medium">{t('followUpAttended')}</th>
                  <th className="py-1 pr-3 font-medium">{t('postings')}</th>
                  <th className="py-1 font-medium">{t('otherActivities')}</th>
                </tr>
              </thead>
              <tbody>
                {record.cycles.map((c) => (
                  <tr key={c.name} className="border-t border-stone-100">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {c.name}
                    </th>
                    <td className="py-1 pr-3 tabular-nums">{c.classHoursSent}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.sentActivities}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.followUpHosted}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.followUpAttended}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.postings}</td>
                    <td className="py-1 tabular-nums">{c.otherActivities}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('mentoring')}</h2>
        {record.mentoring.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noMentoring')}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-stone-800">
            {record.mentoring.map((m, i) => (
              <li key={i}>
                {t('mentorLine', {
                  role: t(`as.${m.as}`),
                  other: m.other,
                  from: m.startsOn,
                  to: m.endsOn ?? t('ongoing'),
                  sessions: m.sessions,
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('lessons')}</h2>
        <p className="text-sm text-stone-800">
          {t('lessonsLine', {
            total: record.lessons.total,
            excellent: record.lessons.EXCELLENT,
            good: record.lessons.GOOD,
            pass: record.lessons.PASS,
            fail: record.lessons.FAIL,
            unrated: record.lessons.unrated,
          })}
        </p>
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('papers')}</h2>
        {record.papers.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noPapers')}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-stone-800">
            {record.papers.map((p, i) => (
              <li key={i}>
                {t('paperLine', {
                  date: p.date,
                  title: p.title,
                  venue: p.venue,
                  level: t(`level.${p.level}`),
                  award: p.award ? ` ${p.award}` : '',
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('commendations')}</h2>
        {record.commendations.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noCommendations')}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-stone-800">
            {record.commendations.map((c, i) => (
              <li key={i}>{t('commendationLine', c)}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
