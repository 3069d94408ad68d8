import type { FieldSpec } from '@/components/form/record-form';
import type { Translator } from '@/i18n/translator';
import { PAPER_KINDS, PAPER_LEVELS } from '@/lib/papers/schemas';

export function paperFields(t: Translator<'teaching.papers'>, v: Partial<Record<string, string>> = {}): FieldSpec[] {
  return [
    ...(v.id
      ? [
          { name: 'id', kind: 'hidden' as const, defaultValue: v.id },
          { name: 'version', kind: 'hidden' as const, defaultValue: v.version },
        ]
      : []),
    { name: 'title', label: t('titleField'), kind: 'text', required: true, defaultValue: v.title },
    {
      name: 'kind',
      label: t('kind'),
      kind: 'select',
      required: true,
      defaultValue: v.kind ?? 'PUBLISHED',
      options: PAPER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
    { name: 'venue', label: t('venue'), kind: 'text', required: true, defaultValue: v.venue },
    {
      name: 'level',
      label: t('level'),
      kind: 'select',
      required: true,
      placeholder: '—',
      defaultValue: v.level,
      options: PAPER_LEVELS.map((k) => ({ value: k, label: t(`levels.${k}`) })),
    },
    { name: 'award', label: t('award'), kind: 'text', help: t('awardHelp'), defaultValue: v.award },
    { name: 'date', label: t('date'), kind: 'date', required: true, defaultValue: v.date },
  ];
}
