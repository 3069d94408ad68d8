'use client';
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useFormAction } from '@/components/form/use-form-action';
import { useFormatter, useTranslations } from '@/components/intl/client-translations';
import { saveActivityAction } from '@/lib/activities/actions';
import { ACTIVITY_TYPES, DIRECTIONS, TARGET_AREAS, TYPE_RULES } from '@/lib/activities/type-rules';
import { IDLE, type ActionState } from '@/lib/action-state';
import { Field } from '@/components/form/field';
import { SelectField } from '@/components/form/select-field';
import { TextareaField } from '@/components/form/textarea-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { DraftNotice } from '@/components/form/draft-notice';
import { formSnapshot, useLocalDraft } from '@/components/form/use-local-draft';
import { useDraftOwner } from '@/components/form/draft-owner';
import type { OutboxPhoto } from '@/components/offline/outbox';
import { newKey } from '@/components/offline/new-key';
import { FormPhotos } from './form-photos';
import { activityFormValues } from './form-values';
import type { ActivityType } from '@/generated/prisma/enums';
import { LateChoice } from '@/components/bulletins/late-choice';

// The device's queue (IndexedDB) loads once the form shows, as on every page (offline-status.tsx): only a
// new activity uses it, and not before the form is on screen.
const outbox = () => import('@/components/offline/outbox');

export type FormPairing = {
  id: string;
  label: string;
  supporting: string;
  assisted: string;
  canAnswerRequests: boolean;
  supportingStaff: { id: string; name: string }[];
  assistedStaff: { id: string; name: string }[];
};
type Line = { item: string; quantity: string; unit: string; estimatedValue: string };

/**
 * One mobile-first form for planning and logging: type first, then only the fields that type
 * uses, with direction and target area suggested from it. Values are strings as the form posts them.
 */
export function ActivityForm({
  pairings,
  requests,
  initial,
}: {
  pairings: FormPairing[];
  requests: { id: string; pairingId: string; title: string }[];
  initial: Record<string, string>;
}) {
  const isNew = !initial.id;
  const owner = useDraftOwner();
  const router = useRouter();
  const tOffline = useTranslations('offline');
  // What is typed survives a reload on the phone until the save succeeds (the detail page clears it).
  const draft = useLocalDraft(`activity:${initial.id || 'new'}`);
  // A new activity: photos held on the device, and the key that makes its send happen once.
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [key, setKey] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!isNew || !owner) return;
    let live = true;
    outbox()
      .then((o) => o.loadDraftPhotos(owner, 'activity:new'))
      .then(
        (p) => live && p.length > 0 && setPhotos(p),
        () => {},
      );
    return () => {
      live = false;
    };
  }, [isNew, owner]);
  const keepPhotos = (next: OutboxPhoto[]) => {
    setPhotos(next);
    if (owner)
      outbox()
        .then((o) => o.saveDraftPhotos(owner, 'activity:new', next))
        .catch(() => {});
  };
  const sendNew = useCallback(
    async (_prev: ActionState, fd: FormData): Promise<ActionState> => {
      const values = activityFormValues(fd);
      if (!owner) return saveActivityAction(_prev, fd);
      const k = String(fd.get('idempotencyKey') || '') || newKey();
      fd.set('idempotencyKey', k);
      const fields = [...fd.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].startsWith('$'));
      const { deliver, discard, enqueue, saveDraftPhotos } = await outbox();
      await enqueue({ key: k, owner, fields, photos, createdAt: Date.now() });
      const r = await deliver(owner, k, (done, total) => setProgress({ done, total }));
      setProgress(null);
      if (r.outcome === 'sent') {
        await saveDraftPhotos(owner, 'activity:new', []).catch(() => {});
        router.push(`/activities/${r.activityId}?saved=1`);
        return { status: 'ok', values };
      }
      if (r.outcome === 'refused') {
        await discard(owner, k);
        return { ...r.state, values: r.state.values ?? values };
      }
      if (r.outcome === 'gone') {
        router.push('/activities');
        return { status: 'ok', values };
      }
      return { status: 'error', offline: true, message: tOffline('waitingToSend'), values };
    },
    [owner, photos, router, tOffline],
  );
  const [state, action] = useFormAction(isNew ? sendNew : saveActivityAction, IDLE, { values: activityFormValues });
  const values = state.values ?? draft.restored?.values ?? initial;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- made in the browser only: a key from the server render would be everyone's
    if (isNew) setKey((k) => k || values.idempotencyKey || newKey());
  }, [isNew, values.idempotencyKey]);
  // After a failed save the form starts again from what was typed (React resets uncontrolled forms).
  return (
    <>
      {draft.restored && !state.values && (
        <div className="mb-4 max-w-2xl">
          <DraftNotice savedAt={draft.restored.savedAt} onDiscard={draft.discard} />
        </div>
      )}
      <Inner
        key={JSON.stringify(values)}
        pairings={pairings}
        requests={requests}
        values={key ? { ...values, idempotencyKey: key } : values}
        state={state}
        action={action}
        onDraft={draft.save}
        photos={isNew ? <FormPhotos photos={photos} onChange={keepPhotos} /> : null}
        progress={progress && progress.total > 0 ? tOffline('sendingPhotos', progress) : null}
      />
    </>
  );
}

/** The form as the server action would read it, in the shape `values` takes after a failed save. */
function draftValues(form: HTMLFormElement) {
  const values = formSnapshot(form, ['participantIds']);
  const fd = new FormData(form);
  const all = (k: string) => fd.getAll(k).map(String);
  const [items, quantities, units, worth] = [all('lineItem'), all('lineQuantity'), all('lineUnit'), all('lineValue')];
  values.donationLines = JSON.stringify(
    items.map((item, i) => ({ item, quantity: quantities[i] ?? '', unit: units[i] ?? '', estimatedValue: worth[i] ?? '' })),
  );
  for (const k of ['lineItem', 'lineQuantity', 'lineUnit', 'lineValue']) delete values[k];
  return values;
}

function Inner({
  pairings,
  requests,
  values,
  state,
  action,
  onDraft,
  photos,
  progress,
}: {
  pairings: FormPairing[];
  requests: { id: string; pairingId: string; title: string }[];
  values: Record<string, string>;
  state: ActionState;
  action: (fd: FormData) => void;
  onDraft: (values: Record<string, string>) => void;
  photos: React.ReactNode;
  progress: string | null;
}) {
  const t = useTranslations('activities');
  const format = useFormatter();
  const e = state.fieldErrors ?? {};
  const [pairingId, setPairingId] = useState(values.pairingId || pairings[0]?.id || '');
  const [type, setType] = useState<ActivityType | ''>((values.type as ActivityType) || '');
  const [direction, setDirection] = useState(values.direction || '');
  const [targetArea, setTargetArea] = useState(values.targetArea || '');
  const [status, setStatus] = useState(values.status || 'DONE');
  const [multiDay, setMultiDay] = useState(!!values.endDate && values.endDate !== values.startDate);
  const [lines, setLines] = useState<Line[]>(() => {
    const parsed = values.donationLines ? (JSON.parse(values.donationLines) as Line[]) : [];
    return parsed.length ? parsed : [{ item: '', quantity: '', unit: '', estimatedValue: '' }];
  });
  const [chosen, setChosen] = useState(new Set((values.participantIds ?? '').split(',').filter(Boolean)));
  const pairing = pairings.find((p) => p.id === pairingId);
  const rule = type ? TYPE_RULES[type] : null;
  const pairingRequests = requests.filter((r) => r.pairingId === pairingId);
  const total = lines.reduce((s, l) => s + (Number(l.estimatedValue) || 0), 0);

  function chooseType(next: ActivityType | '') {
    setType(next);
    if (next) {
      setDirection(TYPE_RULES[next].direction);
      setTargetArea(TYPE_RULES[next].targetArea);
    }
  }
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (i === j ? { ...l, ...patch } : l)));
  const toggle = (id: string) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4" noValidate onChange={(ev) => onDraft(draftValues(ev.currentTarget))}>
      <FormMessage state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version && <input type="hidden" name="version" value={values.version} />}
      {values.idempotencyKey && !values.id && <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />}
      {pairings.length > 1 && !values.id ? (
        <SelectField
          label={t('fields.pairing')}
          name="pairingId"
          value={pairingId}
          onChange={(ev) => setPairingId(ev.target.value)}
          options={pairings.map((p) => ({ value: p.id, label: p.label }))}
          errors={e.pairingId}
        />
      ) : (
        <p className="text-sm text-stone-700">
          <input type="hidden" name="pairingId" value={pairingId} />
          {t('fields.pairing')}: <span className="font-medium">{pairing?.label}</span>
        </p>
      )}

      <SelectField
        label={t('fields.type')}
        name="type"
        value={type}
        onChange={(ev) => chooseType(ev.target.value as ActivityType | '')}
        placeholder="—"
        options={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
        errors={e.type}
        required
      />

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('fields.status')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['DONE', 'PLANNED'] as const).map((s) => (
            <label
              key={s}
              className={`flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm ${status === s ? 'border-brand-700 bg-brand-50 font-medium' : 'border-stone-300 bg-white'}`}
            >
              <input
                type="radio"
                name="status"
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
                disabled={values.status === 'DONE' && s === 'PLANNED' && !!values.id}
              />
              {t(s === 'DONE' ? 'fields.statusDone' : 'fields.statusPlanned')}
            </label>
          ))}
        </div>
        {e.status?.map((m) => (
          <p key={m} className="text-sm text-red-800">
            {m}
          </p>
        ))}
      </fieldset>

      <Field label={t('fields.title')} name="title" defaultValue={values.title} errors={e.title} required maxLength={200} />

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Field
          label={t('fields.startDate')}
          name="startDate"
          type="date"
          defaultValue={values.startDate}
          errors={e.startDate}
          required
          className="col-span-2 sm:col-span-1"
        />
        <Field
          label={t('fields.startTime')}
          name="startTime"
          type="time"
          defaultValue={values.startTime || '09:00'}
          errors={e.startTime}
          required
        />
        <Field label={t('fields.endTime')} name="endTime" type="time" defaultValue={values.endTime} errors={e.endTime} />
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={multiDay} onChange={(ev) => setMultiDay(ev.target.checked)} className="size-5" />
        {t('fields.multiDay')}
      </label>
      {multiDay && <Field label={t('fields.endDate')} name="endDate" type="date" defaultValue={values.endDate} errors={e.endDate} />}
      {!multiDay &&
        e.endDate?.map((m) => (
          <p key={m} className="text-sm text-red-800">
            {m}
          </p>
        ))}
      <LateChoice offered={!!e.lateCorrection} checked={values.lateCorrection === 'on'} errors={e.lateCorrection} />

      {(!rule || rule.location !== 'none') && (
        <Field
          label={t('fields.location')}
          name="location"
          defaultValue={values.location}
          errors={e.location}
          maxLength={200}
          required={rule?.location === 'required'}
        />
      )}

      {rule && (rule.classHours !== 'none' || rule.childCount !== 'none') && (
        <div className="grid grid-cols-2 gap-3">
          {rule.classHours !== 'none' && (
            <Field
              label={t('fields.classHours')}
              name="classHours"
              type="number"
              inputMode="decimal"
              step="0.5"
              min="0.5"
              max="200"
              defaultValue={values.classHours}
              errors={e.classHours}
              help={t('fields.classHoursHelp')}
              required={rule.classHours === 'required'}
            />
          )}
          {rule.childCount !== 'none' && (
            <Field
              label={t('fields.childCount')}
              name="childCount"
              type="number"
              inputMode="numeric"
              step="1"
              min="1"
              defaultValue={values.childCount}
              errors={e.childCount}
              required={rule.childCount === 'required'}
            />
          )}
        </div>
      )}

      {type === 'DONATION' && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">{t('fields.donationLines')}</legend>
          {e.donationLines?.map((m) => (
            <p key={m} role="alert" className="text-sm text-red-800">
              {m}
            </p>
          ))}
          {lines.map((l, i) => (
            <div key={i} className="grid grid-cols-6 gap-2 border-b border-stone-200 pb-3 last:border-0">
              <Field
                label={t('fields.item')}
                name="lineItem"
                value={l.item}
                onChange={(ev) => setLine(i, { item: ev.target.value })}
                className="col-span-6 sm:col-span-2"
                maxLength={200}
              />
              <Field
                label={t('fields.quantity')}
                name="lineQuantity"
                type="number"
                inputMode="decimal"
                min="0"
                step="any"
                value={l.quantity}
                onChange={(ev) => setLine(i, { quantity: ev.target.value })}
                className="col-span-2 sm:col-span-1"
              />
              <Field
                label={t('fields.unit')}
                name="lineUnit"
                value={l.unit}
                onChange={(ev) => setLine(i, { unit: ev.target.value })}
                className="col-span-2 sm:col-span-1"
                maxLength={20}
              />
              <Field
                label={t('fields.estimatedValue')}
                name="lineValue"
                type="number"
                inputMode="decimal"
                min="0"
                step="any"
                value={l.estimatedValue}
                onChange={(ev) => setLine(i, { estimatedValue: ev.target.value })}
                className="col-span-2 sm:col-span-1"
              />
              <div className="col-span-6 flex items-end sm:col-span-1">
                {lines.length > 1 && (
                  <button
                    type="button"
                    onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    className="min-h-11 rounded-md border border-stone-300 px-3 text-sm"
                  >
                    {t('fields.removeLine')}
                  </button>
                )}
              </div>
            </div>
          ))}
          <div className="flex items-center justify-between gap-2">
            <button
              type="button"
              onClick={() => setLines((ls) => [...ls, { item: '', quantity: '', unit: '', estimatedValue: '' }])}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3 text-sm"
            >
              + {t('fields.addLine')}
            </button>
            <p className="text-sm">
              {t('fields.total')}:{' '}
              <span className="font-semibold tabular-nums">{format.number(total, { style: 'currency', currency: 'CNY' })}</span>
            </p>
          </div>
        </fieldset>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('fields.direction')}
          name="direction"
          value={direction}
          onChange={(ev) => setDirection(ev.target.value)}
          placeholder="—"
          options={DIRECTIONS.filter((d) => !rule || rule.directions.includes(d)).map((d) => ({ value: d, label: t(`directions.${d}`) }))}
          errors={e.direction}
          required
        />
        <SelectField
          label={t('fields.targetArea')}
          name="targetArea"
          value={targetArea}
          onChange={(ev) => setTargetArea(ev.target.value)}
          placeholder="—"
          options={TARGET_AREAS.map((a) => ({ value: a, label: t(`areas.${a}`) }))}
          errors={e.targetArea}
          required
        />
      </div>
      {rule && <p className="-mt-2 text-xs text-stone-600">{t('fields.suggested')}</p>}

      {pairing && (
        <details className="rounded-lg border border-stone-300 bg-white p-3" open={!!e.participantIds}>
          <summary className="min-h-8 cursor-pointer text-sm font-medium">
            {t('fields.participants')} · {t('fields.participantsChosen', { count: chosen.size })}
          </summary>
          {e.participantIds?.map((m) => (
            <p key={m} className="text-sm text-red-800">
              {m}
            </p>
          ))}
          {(
            [
              ['supporting', pairing.supporting, pairing.supportingStaff],
              ['assisted', pairing.assisted, pairing.assistedStaff],
            ] as const
          ).map(([side, name, staff]) => (
            <fieldset key={side} className="mt-2">
              <legend className="text-sm text-stone-600">
                {t(`fields.${side}`)} · {name}
              </legend>
              <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
                {staff.map((s) => (
                  <label key={s.id} className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="participantIds"
                      value={s.id}
                      checked={chosen.has(s.id)}
                      onChange={() => toggle(s.id)}
                      className="size-5"
                    />
                    {s.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </details>
      )}
      <TextareaField
        label={t('fields.outsideExperts')}
        name="outsideExperts"
        rows={2}
        defaultValue={values.outsideExperts}
        help={t('fields.outsideExpertsHelp')}
        errors={e.outsideExperts}
      />

      {pairing?.canAnswerRequests && (pairingRequests.length > 0 || values.requestId) && (
        <SelectField
          label={t('fields.request')}
          name="requestId"
          defaultValue={values.requestId}
          placeholder={t('fields.requestNone')}
          options={pairingRequests.map((r) => ({ value: r.id, label: r.title }))}
          errors={e.requestId}
        />
      )}
      {!pairing?.canAnswerRequests && values.requestId && <input type="hidden" name="requestId" value={values.requestId} />}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">{t('fields.archive')}</legend>
        <TextareaField label={t('fields.plan')} name="plan" defaultValue={values.plan} errors={e.plan} rows={3} />
        <TextareaField label={t('fields.measures')} name="measures" defaultValue={values.measures} errors={e.measures} rows={2} />
        {status === 'DONE' ? (
          <>
            <TextareaField
              label={t('fields.record')}
              name="record"
              defaultValue={values.record}
              errors={e.record}
              rows={4}
              help={t('incompleteHelp')}
            />
            <TextareaField label={t('fields.summary')} name="summary" defaultValue={values.summary} errors={e.summary} rows={3} />
          </>
        ) : (
          <details>
            <summary className="min-h-8 cursor-pointer text-sm">{t('fields.afterwards')}</summary>
            <div className="mt-2 flex flex-col gap-3">
              <TextareaField label={t('fields.record')} name="record" defaultValue={values.record} errors={e.record} rows={3} />
              <TextareaField label={t('fields.summary')} name="summary" defaultValue={values.summary} errors={e.summary} rows={3} />
            </div>
          </details>
        )}
      </fieldset>

      {photos}

      {/* Not sticky: a bar pinned over the form hid the field under it, and the one just focused (WCAG 2.4.11, 2.5.8). */}
      <div>
        {progress && (
          <p role="status" className="mb-1 text-sm text-stone-700">
            {progress}
          </p>
        )}
        {state.offline && (
          <p className="mb-1 text-sm font-medium text-amber-900" data-testid="waiting-to-send">
            {state.message}
          </p>
        )}
        <SubmitButton pendingLabel={t('actions.saving')} className="w-full sm:w-auto">
          {t('actions.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
