import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { BulletinContent, BulletinPairing } from '@/lib/bulletins/content';
import { Card } from '@/components/ui/page-header';

/** A bulletin's results as readers see them: counties, those to commend and to improve, every pairing. */
export async function BulletinContentView({ content }: { content: BulletinContent }) {
  const t = await getTranslations('bulletins.content');
  const te = await getTranslations('effectTests');
  const format = await getFormatter();
  const locale = await getLocale();
  const countyName = (code: string) => {
    const c = content.counties.find((x) => x.code === code);
    return c ? (locale === 'en' && c.nameEn ? c.nameEn : c.name) : '';
  };
  const label = (p: BulletinPairing) => `${p.supporting.name} → ${p.assisted.name}`;
  // Chinese punctuation is full width; English takes its own.
  const zh = locale !== 'en';
  const [colon, sep, paren] = [zh ? '：' : ': ', zh ? '；' : '; ', (s: string) => (zh ? `（${s}）` : ` (${s})`)];
  const tests = (ids: string[]) =>
    ids.length ? format.list(ids.map((id) => `${id} ${te(`testName.${id}` as 'testName.S1')}`)) : t('none');
  const grade = (g: BulletinPairing['grade']) => (g ? t(`gradeName.${g}`) : t('noGrade'));
  const commended = content.pairings.filter((p) => p.verdict === 'commend');
  const improve = content.pairings.filter((p) => p.verdict === 'improve');
  const th = 'p-2 text-left font-medium';
  return (
    <div className="flex flex-col gap-4" data-testid="bulletin-content">
      <p className="text-sm text-stone-700">
        {t('closedOn', { date: format.dateTime(new Date(content.period.closedAt), { dateStyle: 'medium' }) })}{' '}
        {t('asOf', { date: content.asOf })}
      </p>
      <Card>
        <h2 className="mb-2 font-semibold">{t('counties')}</h2>
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="bulletin-counties">
            <thead>
              <tr className="border-b border-stone-300">
                <th className={th}>{t('county')}</th>
                <th className={th}>{t('pairings')}</th>
                <th className={th}>{t('allMet')}</th>
                <th className={th}>{t('commended')}</th>
                <th className={th}>{t('toImprove')}</th>
                <th className={th}>{t('missedTests')}</th>
                <th className={th}>{t('overdue')}</th>
                <th className={th}>{t('grades')}</th>
              </tr>
            </thead>
            <tbody>
              {content.counties.map((c) => (
                <tr key={c.code} className="border-b border-stone-200">
                  <td className="p-2">{countyName(c.code)}</td>
                  <td className="p-2 tabular-nums">{c.pairings}</td>
                  <td className="p-2 tabular-nums">{c.allMet}</td>
                  <td className="p-2 tabular-nums">{c.commended}</td>
                  <td className="p-2 tabular-nums">{c.toImprove}</td>
                  <td className="p-2 tabular-nums">{c.missedTests}</td>
                  <td className="p-2 tabular-nums">{c.overdueRectifications}</td>
                  <td className="p-2">
                    {(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const)
                      .filter((g) => c.grades[g] > 0)
                      .map((g) => t('gradeCount', { grade: t(`gradeName.${g}`), count: c.grades[g] }))
                      .join(sep) || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <div className="grid items-start gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t('commendList')}</h2>
          {commended.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noneCommended')}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm" data-testid="bulletin-commend">
              {commended.map((p) => (
                <li key={label(p)}>
                  {label(p)}
                  {paren(countyName(p.county))} · {grade(p.grade)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t('improveList')}</h2>
          {improve.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noneImprove')}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm" data-testid="bulletin-improve">
              {improve.map((p) => (
                <li key={label(p)}>
                  {label(p)}
                  {paren(countyName(p.county))}
                  {colon}
                  {p.reasons.map((r) => t(`reasons.${r}`)).join(sep)}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card>
        <h2 className="mb-2 font-semibold">{t('byPairing')}</h2>
        {content.pairings.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noPairings')}</p>
        ) : (
          content.counties
            .filter((c) => c.pairings > 0)
            .map((c) => (
              <section key={c.code} className="mb-3">
                <h3 className="mb-1 text-sm font-semibold">{countyName(c.code)}</h3>
                <ul className="flex flex-col divide-y divide-stone-100 text-sm" data-testid="bulletin-pairings">
                  {content.pairings
                    .filter((p) => p.county === c.code)
                    .map((p) => (
                      <li key={label(p)} className="py-2">
                        <p className="font-medium">
                          {label(p)}
                          {p.verdict && (
                            <span
                              className={`ml-2 inline-block whitespace-nowrap rounded border px-1.5 text-xs ${p.verdict === 'commend' ? 'border-green-700 bg-green-50' : 'border-amber-700 bg-amber-50'}`}
                            >
                              {t(`verdictName.${p.verdict}`)}
                            </span>
                          )}
                        </p>
                        <p>
                          {t('met')}
                          {colon}
                          {tests(p.met)}
                        </p>
                        <p>
                          {t('missed')}
                          {colon}
                          {tests(p.missed)}
                        </p>
                        <p className="text-stone-700">
                          {t('grade')}
                          {colon}
                          {grade(p.grade)} · {t('overdue')}
                          {colon}
                          {p.overdueRectifications}
                        </p>
                      </li>
                    ))}
                </ul>
              </section>
            ))
        )}
      </Card>
    </div>
  );
}
