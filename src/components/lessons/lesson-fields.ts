import type { FieldSpec } from '@/components/form/record-form';
import type { Translator } from '@/i18n/translator';
import { LESSON_DOMAINS } from '@/lib/lessons/schemas';

export function lessonFields(t: Translator<'teaching'>, v: Partial<Record<string, string>> = {}): FieldSpec[] {
  return [
    ...(v.id
      ? [
          { name: 'id', kind: 'hidden' as const, defaultValue: v.id },
          { name: 'version', kind: 'hidden' as const, defaultValue: v.version },
        ]
      : []),
    { name: 'heldOn', label: t('lessons.heldOn'), kind: 'date', required: true, defaultValue: v.heldOn },
    { name: 'className', label: t('lessons.className'), kind: 'text', required: true, defaultValue: v.className },
    {
      name: 'domain',
      label: t('lessons.domain'),
      kind: 'select',
      required: true,
      placeholder: '—',
      defaultValue: v.domain,
      options: LESSON_DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) })),
    },
    { name: 'title', label: t('lessons.titleField'), kind: 'text', required: true, defaultValue: v.title },
    { name: 'plan', label: t('lessons.plan'), kind: 'textarea', rows: 6, defaultValue: v.plan },
    { name: 'reflection', label: t('lessons.reflection'), kind: 'textarea', rows: 4, defaultValue: v.reflection },
  ];
}
