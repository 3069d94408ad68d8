import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getAnnualPlan } from '@/lib/annual-plans/queries';
import { saveAnnualPlanAction } from '@/lib/annual-plans/actions';
import { ANNUAL_PLAN_PARTS } from '@/lib/annual-plans/schemas';
import { PageHeader, Card } from '@/components/ui/page-header';
import { RecordForm, type FieldSpec } from '@/components/form/record-form';
import { SavedNote } from '@/components/form/saved-note';
import { EvidenceCard } from '@/components/evidence/evidence-card';

export default async function AnnualPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ pairingId: string; year: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { pairingId, year } = await params;
  const { saved } = await searchParams;
  const academicYear = Number(year);
  const found =
    Number.isInteger(academicYear) && academicYear >= 2000 && academicYear <= 2100
      ? await getAnnualPlan(user, pairingId, academicYear, db)
      : null;
  if (!found) return denyAccess(user, { entityType: 'Pairing', entityId: pairingId, path: `/annual-plans/${pairingId}/${year}` });
  const t = await getTranslations('teaching');
  const format = await getFormatter();
  const { plan, pairing, canEdit } = found;
  const locked = !!plan?.planSubmittedAt;
  const done = !!plan?.summarySubmittedAt;
  const stamp = (name: string | undefined, at: Date | null | undefined) =>
    name && at ? t('annualPlans.submittedBy', { name, date: format.dateTime(at, { dateStyle: 'medium' }) }) : null;
  const fields: FieldSpec[] = [
    { name: 'pairingId', kind: 'hidden', defaultValue: pairing.id },
    { name: 'academicYear', kind: 'hidden', defaultValue: String(academicYear) },
    ...(plan ? [{ name: 'version', kind: 'hidden' as const, defaultValue: String(plan.version) }] : []),
    ...ANNUAL_PLAN_PARTS.map((k): FieldSpec => ({
      name: k,
      label: t(`annualPlans.${k}`),
      kind: 'textarea',
      rows: 4,
      defaultValue: plan?.[k] ?? '',
      readOnly: locked,
    })),
    ...(locked
      ? [{ name: 'summary', label: t('annualPlans.summary'), kind: 'textarea' as const, rows: 8, defaultValue: plan?.summary ?? '' }]
      : []),
  ];
  return (
    <>
      <Link href="/annual-plans" className="text-sm text-brand-800 underline">
        ← {t('annualPlans.title')}
      </Link>
      <PageHeader
        title={`${t('annualPlans.plan')} · ${t('programmes.yearLabel', { year: String(academicYear), next: String(academicYear + 1) })}`}
      />
      <p className="mb-2 text-sm text-stone-700">{pairing.label}</p>
      <SavedNote show={!!saved} />
      <div className="mb-3 flex flex-col gap-1 text-sm">
        {stamp(plan?.planSubmittedBy?.name, plan?.planSubmittedAt) && (
          <p>
            {t('annualPlans.planSubmitted')}: {stamp(plan?.planSubmittedBy?.name, plan?.planSubmittedAt)}
          </p>
        )}
        {stamp(plan?.summarySubmittedBy?.name, plan?.summarySubmittedAt) && (
          <p>
            {t('annualPlans.summarySubmitted')}: {stamp(plan?.summarySubmittedBy?.name, plan?.summarySubmittedAt)}
          </p>
        )}
        {locked && !done && <p className="text-stone-600">{t('annualPlans.lockedHelp')}</p>}
      </div>
      {canEdit && !done ? (
        <RecordForm
          action={saveAnnualPlanAction}
          fields={fields}
          className="max-w-3xl"
          buttons={[
            { name: 'submit', value: '', label: t('annualPlans.saveDraft'), variant: 'secondary' },
            locked
              ? { name: 'submit', value: 'summary', label: t('annualPlans.submitSummary') }
              : { name: 'submit', value: 'plan', label: t('annualPlans.submitPlan') },
          ]}
        />
      ) : (
        <Card className="max-w-3xl">
          {[...ANNUAL_PLAN_PARTS, 'summary' as const].map((k) => (
            <section key={k} className="mb-3 last:mb-0">
              <h2 className="text-sm font-medium text-stone-700">{t(`annualPlans.${k}`)}</h2>
              {plan?.[k] ? <p className="whitespace-pre-wrap">{plan[k]}</p> : <p className="text-sm italic text-stone-500">{t('none')}</p>}
            </section>
          ))}
        </Card>
      )}
      {plan && (
        <div className="mt-4 max-w-3xl">
          <EvidenceCard user={user} target="annualPlan" id={plan.id} />
        </div>
      )}
    </>
  );
}
