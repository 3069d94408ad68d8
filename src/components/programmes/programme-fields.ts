import type { FieldSpec } from '@/components/form/record-form';
import type { Translator } from '@/i18n/translator';
import { PROGRAMME_KINDS } from '@/lib/programmes/schemas';

export function programmeFields(
  t: Translator<'teaching.programmes'>,
  pairings: { id: string; label: string; startYear: number }[],
  v: Partial<Record<string, string>>,
): FieldSpec[] {
  // A cycle has two academic years; offer those of the pairings shown.
  const years = [...new Set(pairings.flatMap((p) => [p.startYear, p.startYear + 1]))].sort((a, b) => b - a);
  return [
    ...(v.id
      ? [
          { name: 'id', kind: 'hidden' as const, defaultValue: v.id },
          { name: 'version', kind: 'hidden' as const, defaultValue: v.version },
          { name: 'pairingId', kind: 'hidden' as const, defaultValue: v.pairingId },
        ]
      : [
          {
            name: 'pairingId',
            label: t('pairing'),
            kind: 'select' as const,
            required: true,
            defaultValue: v.pairingId,
            options: pairings.map((p) => ({ value: p.id, label: p.label })),
          },
        ]),
    {
      name: 'kind',
      label: t('kind'),
      kind: 'select',
      required: true,
      defaultValue: v.kind ?? 'RESEARCH',
      options: PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
    {
      name: 'academicYear',
      label: t('academicYear'),
      kind: 'select',
      required: true,
      defaultValue: v.academicYear,
      options: years.map((y) => ({ value: String(y), label: t('yearLabel', { year: String(y), next: String(y + 1) }) })),
    },
    { name: 'title', label: t('titleField'), kind: 'text', required: true, defaultValue: v.title },
    { name: 'plan', label: t('plan'), kind: 'textarea', rows: 5, defaultValue: v.plan },
    { name: 'results', label: t('results'), kind: 'textarea', rows: 4, defaultValue: v.results },
  ];
}
