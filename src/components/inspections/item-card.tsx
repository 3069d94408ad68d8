'use client';
import { useCallback, useState } from 'react';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE, type ActionState } from '@/lib/action-state';
import { useFormAction } from '@/components/form/use-form-action';
import { judgeInspectionItemAction } from '@/lib/inspections/actions';
import { CHECKLIST_RESULTS } from '@/lib/inspections/rules';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { DraftNotice } from '@/components/form/draft-notice';
import { formSnapshot, useLocalDraft } from '@/components/form/use-local-draft';
import { EvidencePanel, type PanelItem } from '@/components/evidence/evidence-panel';
import { itemDraftKey } from './draft-keys';

type Item = {
  id: string;
  /** The item's own version (each item saves on its own). */
  version: number;
  position: number;
  title: string;
  countsForA1: boolean;
  result: (typeof CHECKLIST_RESULTS)[number] | null;
  note: string;
  evidence: PanelItem[];
};

/**
 * One checklist item on the phone: the result as four big choices, a note, photos taken on the spot.
 * It saves on its own; what is typed stays on the device until then (a reload or a lost tab keeps it).
 */
export function ItemCard({ inspectionId, item }: { inspectionId: string; item: Item }) {
  const t = useTranslations('inspections');
  const tf = useTranslations('form');
  const draft = useLocalDraft(itemDraftKey(item.id));
  // What this card last saved: shown at once, before the page's fresh copy arrives.
  const [saved, setSaved] = useState<{ result: string; note: string; version: number } | null>(null);
  const { discard } = draft;
  const save = useCallback(
    async (prev: ActionState, fd: FormData) => {
      const next = await judgeInspectionItemAction(prev, fd);
      if (next.status === 'ok') {
        setSaved({ result: String(fd.get('result') ?? ''), note: String(fd.get('note') ?? ''), version: Number(fd.get('version')) + 1 });
        discard();
      }
      return next;
    },
    [discard],
  );
  // Offline in the yard: what was typed is kept and sent again when the network is back.
  const [state, action] = useFormAction(save, IDLE);
  const stored = saved ?? { result: item.result ?? '', note: item.note };
  const initial = (state.status === 'error' && state.values) || draft.restored?.values || stored;
  // This item's version: the page's, the one its last save made, or after a refused save the stored one.
  const current = Math.max(item.version, saved?.version ?? 0, Number(state.values?.version ?? 0));
  const judged = stored.result as Item['result'] | '';
  return (
    <li
      id={`item-${item.id}`}
      className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-3 shadow-sm"
      data-testid="inspection-item"
    >
      <h2 className="mb-2 flex flex-wrap items-start gap-2 font-medium">
        <span className="tabular-nums text-stone-600">{item.position}.</span>
        <span className="min-w-0 flex-1">{item.title}</span>
        {item.countsForA1 && <span className="rounded border border-sky-700 px-1 text-xs text-sky-900">{t('item.a1Tag')}</span>}
      </h2>
      <p className="mb-2 text-xs text-stone-600" data-testid="item-saved-state">
        {judged ? t('item.savedAs', { result: t(`result.${judged}`) }) : t('item.notJudged')}
      </p>
      {draft.restored && (
        <div className="mb-2">
          <DraftNotice savedAt={draft.restored.savedAt} onDiscard={draft.discard} />
        </div>
      )}
      <form
        key={draft.restored?.savedAt ?? 'stored'}
        action={action}
        className="flex flex-col gap-3"
        noValidate
        onChange={(ev) => draft.save(formSnapshot(ev.currentTarget))}
      >
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="version" value={String(current)} />
        <fieldset>
          <legend className="sr-only">{t('item.result')}</legend>
          <div className="grid grid-cols-2 gap-2">
            {CHECKLIST_RESULTS.map((r) => (
              <label
                key={r}
                className={`flex min-h-12 cursor-pointer items-center justify-center rounded-md border-2 border-stone-300 bg-white px-2 text-center text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${CHECKED[r]}`}
              >
                <input type="radio" name="result" value={r} defaultChecked={initial.result === r} className="sr-only" />
                {t(`result.${r}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextareaField label={t('item.note')} name="note" rows={2} defaultValue={initial.note ?? ''} errors={state.fieldErrors?.note} />
        <FormMessage state={state} />
        <div>
          <SubmitButton pendingLabel={tf('saving')} className="w-full sm:w-auto">
            {t('item.save')}
          </SubmitButton>
        </div>
      </form>
      <div className="mt-3 border-t border-stone-100 pt-2">
        <h3 className="mb-1 text-sm font-medium text-stone-700">{t('item.photos')}</h3>
        <EvidencePanel target="inspectionItem" recordId={item.id} items={item.evidence} canAttach />
      </div>
    </li>
  );
}

/** A chosen result takes its colour (written out whole, for Tailwind to find); the words say it too. */
const CHECKED: Record<(typeof CHECKLIST_RESULTS)[number], string> = {
  MEETS: 'has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-50 has-[:checked]:text-emerald-900',
  PARTLY: 'has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 has-[:checked]:text-amber-950',
  FAILS: 'has-[:checked]:border-red-600 has-[:checked]:bg-red-50 has-[:checked]:text-red-900',
  NOT_APPLICABLE: 'has-[:checked]:border-stone-500 has-[:checked]:bg-stone-100 has-[:checked]:text-stone-800',
};
