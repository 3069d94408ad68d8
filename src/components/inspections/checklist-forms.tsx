'use client';
import { useTranslations } from '@/components/intl/client-translations';
import { IDLE } from '@/lib/action-state';
import { useFormAction } from '@/components/form/use-form-action';
import { moveChecklistItemAction, saveChecklistItemAction, setChecklistItemActiveAction } from '@/lib/inspections/actions';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

type Item = { id: string; title: string; titleEn: string; countsForA1: boolean; stamp: string };

/** An item's wording in both languages and whether it speaks to A1; without an item, a new one at the end. */
export function ChecklistItemForm({ item }: { item: Item | null }) {
  const t = useTranslations('inspections.checklist');
  const tf = useTranslations('form');
  const [state, action] = useFormAction(saveChecklistItemAction, IDLE);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const a1 = v ? v.countsForA1 === 'on' : (item?.countsForA1 ?? false);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <FormMessage state={state} />
      {item && <input type="hidden" name="id" value={item.id} />}
      {item && <input type="hidden" name="stamp" value={item.stamp} />}
      <Field label={t('titleZh')} name="title" defaultValue={v?.title ?? item?.title ?? ''} errors={e.title} />
      <Field label={t('titleEn')} name="titleEn" defaultValue={v?.titleEn ?? item?.titleEn ?? ''} errors={e.titleEn} />
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="countsForA1" defaultChecked={a1} className="size-5" />
        {t('countsForA1')}
      </label>
      <div>
        <SubmitButton variant={item ? 'secondary' : 'primary'} pendingLabel={tf('saving')}>
          {item ? t('save') : t('addButton')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Up, down, and taking an item out of new inspections (or back in). */
export function ChecklistItemControls({ id, active, first, last }: { id: string; active: boolean; first: boolean; last: boolean }) {
  const t = useTranslations('inspections.checklist');
  const [moved, move] = useFormAction(moveChecklistItemAction, IDLE);
  const [toggled, toggle] = useFormAction(setChecklistItemActiveAction, IDLE);
  const button = 'min-h-11 rounded-md border border-stone-400 bg-white px-3 text-sm disabled:opacity-50';
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <form action={move}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value="up" />
        <button type="submit" className={button} disabled={first}>
          ↑ {t('up')}
        </button>
      </form>
      <form action={move}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value="down" />
        <button type="submit" className={button} disabled={last}>
          ↓ {t('down')}
        </button>
      </form>
      <form action={toggle}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <button type="submit" className={button}>
          {active ? t('deactivate') : t('activate')}
        </button>
      </form>
      <FormMessage state={moved.status === 'error' ? moved : toggled} />
    </div>
  );
}
