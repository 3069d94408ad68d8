import 'server-only';
import { buildWorkbook } from '@/lib/spreadsheet/write';
import type { StatusRow } from './queries';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The status list as the page shows it: one row per pairing, year and part. */
export async function buildAnnualPlanStatusExport(rows: StatusRow[], t: T, countyName: (id: string) => string, dayOf: (d: Date) => string) {
  const columns = [
    { header: t('teaching.annualPlans.supporting'), width: 28 },
    { header: t('teaching.annualPlans.assisted'), width: 28 },
    { header: t('teaching.annualPlans.county'), width: 12 },
    { header: t('teaching.annualPlans.year'), width: 12 },
    { header: t('teaching.annualPlans.kind'), width: 12 },
    { header: t('teaching.annualPlans.dueOn'), width: 12, text: true },
    { header: t('teaching.annualPlans.status'), width: 12 },
    { header: t('teaching.annualPlans.lastSubmitted'), width: 14, text: true },
  ];
  const data = rows.map((r) => [
    r.supporting,
    r.assisted,
    countyName(r.countyId),
    t('teaching.programmes.yearLabel', { year: String(r.academicYear), next: String(r.academicYear + 1) }),
    t(`teaching.annualPlans.kindName.${r.kind}`),
    r.dueOn,
    t(`teaching.annualPlans.stateName.${r.state}`),
    r.lastSubmittedAt ? dayOf(r.lastSubmittedAt) : '',
  ]);
  return buildWorkbook([{ name: t('teaching.annualPlans.statusTitle').slice(0, 31), columns, rows: data }]);
}
