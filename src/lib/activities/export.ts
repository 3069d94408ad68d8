import 'server-only';
import { buildWorkbook } from '@/lib/spreadsheet/write';
import { regionName } from '@/i18n/region-name';
import { instantToZoned } from '@/lib/time/zoned';
import type { Translate } from '@/i18n/translator';
import type { ActivityFilters } from './schemas';
import type { listActivitiesForExport } from './queries';

type Rows = Awaited<ReturnType<typeof listActivitiesForExport>>;
/** The pairing filter's label (supporting → assisted · cycle), as the list's select shows it. */
export type ActivityExportContext = {
  filters: ActivityFilters;
  pairingLabel: string | null;
  madeOn: string;
  timeZone: string;
  locale: string;
  /** The late-correction column (decision 020): its header and each state's words. */
  late?: { header: string; label: (state: 'PENDING' | 'APPROVED' | 'REJECTED') => string };
};

/**
 * The activity list as a sheet: one row per activity, the city's local date and time, class hours
 * and children as numbers; a second sheet states the filters the file was made with.
 */
export async function buildActivitiesExport({ rows, truncated }: Rows, t: Translate<'activities'>, c: ActivityExportContext) {
  const county = (k: { county: { name: string; nameEn: string | null } }) => regionName(k.county, c.locale);
  const f = c.filters;
  const all = t('filters.all');
  const filterRows: string[][] = [
    [t('filters.pairing'), c.pairingLabel ?? all],
    [t('filters.type'), f.type ? t(`types.${f.type}`) : all],
    [t('filters.status'), f.status ? t(`statuses.${f.status}`) : all],
    [t('filters.confirmation'), f.confirmation ? t(`confirmations.${f.confirmation}`) : all],
    [t('filters.month'), f.month ?? all],
    ...(f.toConfirm ? [[t('toConfirmTitle'), '✓']] : []),
    [t('export.rows'), String(rows.length)],
    [t('export.madeOn'), c.madeOn],
    ...(truncated ? [['', t('export.truncated', { max: rows.length })]] : []),
  ];
  return buildWorkbook([
    {
      name: t('title').slice(0, 31),
      columns: [
        { header: t('export.date'), width: 12 },
        { header: t('export.time'), width: 8 },
        { header: t('fields.type'), width: 18 },
        { header: t('fields.title'), width: 32 },
        { header: t('export.supporting'), width: 26 },
        { header: t('export.assisted'), width: 26 },
        { header: t('export.county'), width: 14 },
        { header: t('fields.status'), width: 10 },
        { header: t('filters.confirmation'), width: 12 },
        { header: t('fields.classHours'), width: 8 },
        { header: t('fields.childCount'), width: 10 },
        { header: t('fields.location'), width: 24 },
        ...(c.late ? [{ header: c.late.header, width: 14 }] : []),
      ],
      rows: rows.map((a) => {
        const when = instantToZoned(a.startsAt, c.timeZone);
        const [s, as] = [county(a.pairing.supporting), county(a.pairing.assisted)];
        return [
          when.date,
          when.time,
          t(`types.${a.type}`),
          a.title,
          a.pairing.supporting.name,
          a.pairing.assisted.name,
          s === as ? s : `${s} → ${as}`,
          t(`statuses.${a.status}`),
          // Only a done activity is confirmed or not; a plan's "pending" would mislead.
          a.status === 'DONE' ? t(`confirmations.${a.confirmation}`) : '',
          a.classHours,
          a.childCount,
          a.location ?? '',
          ...(c.late ? [a.lateCorrection ? c.late.label(a.lateCorrection) : ''] : []),
        ];
      }),
    },
    {
      name: t('export.filtersSheet').slice(0, 31),
      columns: [
        { header: t('export.filter'), width: 16 },
        { header: t('export.filterValue'), width: 48 },
      ],
      rows: filterRows,
    },
  ]);
}
