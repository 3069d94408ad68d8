import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getProgramme, pairingsFor } from '@/lib/programmes/queries';
import { addProgrammeRecordAction, saveProgrammeAction } from '@/lib/programmes/actions';
import { cityToday } from '@/lib/time/today';
import { isoOf } from '@/lib/time/date-only';
import { Card } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { SavedNote } from '@/components/form/saved-note';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { programmeFields } from '@/components/programmes/programme-fields';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.programmes.title');

export default async function ProgrammePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; edit?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved, edit } = await searchParams;
  const p = await getProgramme(user, id, db);
  if (!p) return denyAccess(user, { entityType: 'Programme', entityId: id, path: `/programmes/${id}` });
  const t = await getTranslations('teaching.programmes');
  const today = await cityToday(db);
  const ts = await getTranslations('teaching');
  const pairings = p.canManage && edit ? await pairingsFor(user, 'programme.manage', db) : [];
  return (
    <>
      <div className="mb-4 flex flex-col gap-1">
        <Link href="/programmes" className="text-sm text-brand-800 underline">
          ← {t('title')}
        </Link>
        <p className="text-sm text-stone-600">
          {t(`kinds.${p.kind}`)} · {t('yearLabel', { year: String(p.academicYear), next: String(p.academicYear + 1) })}
        </p>
        <h1 className="text-xl font-semibold sm:text-2xl">{p.title}</h1>
        <p className="text-sm text-stone-700">{p.pairingLabel}</p>
        {p.canManage && !edit && (
          <Link
            href={`/programmes/${p.id}?edit=1`}
            className="inline-flex min-h-11 w-fit items-center rounded-md border border-stone-400 bg-white px-4 text-sm"
          >
            {ts('edit')}
          </Link>
        )}
      </div>
      <SavedNote show={!!saved} />
      {edit && p.canManage ? (
        <RecordForm
          action={saveProgrammeAction}
          submitLabel={ts('save')}
          fields={programmeFields(t, pairings.length ? pairings : [{ id: p.pairingId, label: p.pairingLabel, startYear: p.academicYear }], {
            id: p.id,
            version: String(p.version),
            pairingId: p.pairingId,
            kind: p.kind,
            academicYear: String(p.academicYear),
            title: p.title,
            plan: p.plan,
            results: p.results,
          })}
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="flex flex-col gap-4 lg:col-span-2">
            <Card>
              {(['plan', 'results'] as const).map((part) => (
                <section key={part} className="mb-3 last:mb-0">
                  <h2 className="text-sm font-medium text-stone-700">{t(part)}</h2>
                  {p[part] ? (
                    <p className="whitespace-pre-wrap">{p[part]}</p>
                  ) : (
                    <p className="text-sm italic text-stone-500">{ts('none')}</p>
                  )}
                </section>
              ))}
            </Card>
            <Card>
              <h2 className="mb-2 font-semibold">{t('records')}</h2>
              {p.records.length === 0 ? (
                <p className="text-sm">{ts('empty')}</p>
              ) : (
                <ol className="flex flex-col gap-3">
                  {p.records.map((r) => (
                    <li key={r.id} className="border-l-4 border-brand-600 pl-3">
                      <p className="text-xs text-stone-600">
                        {isoOf(r.heldOn)} · {r.createdBy}
                      </p>
                      <p className="font-medium">{r.title}</p>
                      {r.notes && <p className="whitespace-pre-wrap text-sm">{r.notes}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          </div>
          {p.canRecord && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('addRecord')}</h2>
              <RecordForm
                action={addProgrammeRecordAction}
                submitLabel={ts('save')}
                fields={[
                  { name: 'programmeId', kind: 'hidden', defaultValue: p.id },
                  { name: 'heldOn', label: t('heldOn'), kind: 'date', required: true, defaultValue: today },
                  { name: 'title', label: t('recordTitle'), kind: 'text', required: true },
                  { name: 'notes', label: t('notes'), kind: 'textarea', rows: 4 },
                ]}
              />
            </Card>
          )}
        </div>
      )}
      <div className="mt-4">
        <EvidenceCard user={user} target="programme" id={p.id} />
      </div>
    </>
  );
}
