import 'server-only';
import { buildWorkbook } from '@/lib/spreadsheet/write';
import type { Translator } from '@/i18n/translator';
import { periodName } from '@/components/bulletins/period-name';
import type { BulletinContent } from './content';

/**
 * A bulletin as .xlsx: one row per pairing (county, names, each test's status, grade, overdue, the
 * conclusion), one per county, and a sheet saying what the file is. Header on row 1, so it sorts and
 * filters as a plain table in Excel and WPS.
 */
export async function buildBulletinXlsx(
  b: { title: string; body: string; publishedOn: string | null; content: BulletinContent },
  t: Translator,
  locale: string,
) {
  const c = b.content;
  const tc = (k: string, v?: Record<string, string | number>) => t(`bulletins.content.${k}` as 'bulletins.content.none', v);
  const ts = (k: string) => t(`bulletins.sheet.${k}` as 'bulletins.sheet.about');
  const countyName = (code: string) => {
    const x = c.counties.find((k) => k.code === code);
    return x ? (locale === 'en' && x.nameEn ? x.nameEn : x.name) : '';
  };
  const status = (s: string) => t(`effectTests.statusName.${s}` as 'effectTests.statusName.MET');
  const pairings = {
    name: ts('pairings'),
    columns: [
      { header: tc('county'), width: 12 },
      { header: tc('supporting'), width: 28 },
      { header: tc('assisted'), width: 28 },
      ...c.tests.map((id) => ({ header: `${id} ${t(`effectTests.testName.${id}` as 'effectTests.testName.S1')}`, width: 14 })),
      { header: tc('met'), width: 8 },
      { header: tc('missed'), width: 8 },
      { header: tc('grade'), width: 10 },
      { header: ts('inspections'), width: 24 },
      { header: tc('overdue'), width: 10 },
      { header: tc('verdict'), width: 10 },
      { header: ts('reasons'), width: 30 },
    ],
    rows: c.pairings.map((p) => [
      countyName(p.county),
      p.supporting.name,
      p.assisted.name,
      ...c.tests.map((id) => status(p.results[id] ?? 'NOT_APPLICABLE')),
      p.met.length,
      p.missed.length,
      p.grade ? tc(`gradeName.${p.grade}`) : '',
      p.inspections.map((i) => `${i.on} ${i.grade ? tc(`gradeName.${i.grade}`) : ''}`.trim()).join('; '),
      p.overdueRectifications,
      p.verdict ? tc(`verdictName.${p.verdict}`) : '',
      p.reasons.map((r) => tc(`reasons.${r}`)).join('; '),
    ]),
  };
  const counties = {
    name: ts('counties'),
    columns: [
      { header: tc('county'), width: 14 },
      { header: tc('pairings'), width: 10 },
      { header: tc('allMet'), width: 10 },
      { header: tc('commended'), width: 10 },
      { header: tc('toImprove'), width: 10 },
      { header: tc('missedTests'), width: 12 },
      { header: tc('overdue'), width: 12 },
      ...(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const).map((g) => ({ header: `${tc('grade')} · ${tc(`gradeName.${g}`)}`, width: 12 })),
    ],
    rows: c.counties.map((x) => [
      countyName(x.code),
      x.pairings,
      x.allMet,
      x.commended,
      x.toImprove,
      x.missedTests,
      x.overdueRectifications,
      ...(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const).map((g) => x.grades[g]),
    ]),
  };
  const about = {
    name: ts('about'),
    columns: [
      { header: ts('field'), width: 18 },
      { header: ts('value'), width: 80 },
    ],
    rows: [
      [t('bulletins.fields.title'), b.title],
      [
        t('bulletins.fields.period'),
        `${periodName((k, v) => t(`bulletins.${k}`, v), c.period)} ${t('bulletins.periodDays', { from: c.period.startsOn, to: c.period.endsOn })}`,
      ],
      [t('bulletins.statusName.PUBLISHED'), b.publishedOn ?? '—'],
      [t('bulletins.fields.body'), b.body],
    ],
  };
  return buildWorkbook([pairings, counties, about]);
}
