import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { firstValues, isRecordId } from '@/lib/schema-fields';
import { getFinding } from '@/lib/rectifications/queries';
import type { SourceRef } from '@/lib/rectifications/source';
import { dateOnly, isoOf } from '@/lib/time/date-only';
import { Card, PageHeader } from '@/components/ui/page-header';
import { Finding } from '@/components/rectifications/finding';
import { OpenRectificationForm } from '@/components/rectifications/forms';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('rectifications.newTitle');

/** A month is the usual time given to correct a finding; the officer changes it as needed. */
const SUGGESTED_DAYS = 30;

/** /rectifications/new?inspectionItemId=… or ?spotCheckItemId=…: the finding, and the form that requires its correction. */
export default async function NewRectificationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const q = firstValues(await searchParams);
  const ref: SourceRef | null = isRecordId(q.inspectionItemId)
    ? { inspectionItemId: q.inspectionItemId }
    : isRecordId(q.spotCheckItemId)
      ? { spotCheckItemId: q.spotCheckItemId }
      : null;
  const finding = ref && hasPermission(user, 'rectification.open') ? await getFinding(user, ref, db) : null;
  if (!ref || !finding)
    return denyAccess(user, {
      entityType: ref && 'spotCheckItemId' in ref ? 'SpotCheckItem' : 'InspectionItem',
      entityId: q.inspectionItemId ?? q.spotCheckItemId ?? null,
      path: '/rectifications/new',
    });
  const t = await getTranslations('rectifications');
  const suggested = isoOf(new Date(dateOnly(finding.today).getTime() + SUGGESTED_DAYS * 86_400_000));
  return (
    <>
      <Link href="/rectifications" className="text-sm text-brand-800 underline">
        ← {t('back')}
      </Link>
      <PageHeader title={t('newTitle')} />
      <Card className="mb-4 max-w-2xl">
        <h2 className="mb-2 font-semibold">{t('finding')}</h2>
        <Finding finding={finding.shown} />
      </Card>
      {finding.refusal ? (
        <p role="status" className="max-w-2xl rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('cannotOpen', { reason: t(`errors.${finding.refusal}`) })}
        </p>
      ) : finding.kindergartens.length === 0 ? (
        <p role="status" className="max-w-2xl rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('noKindergartenToOpen')}
        </p>
      ) : (
        <>
          <p className="mb-3 max-w-2xl text-sm text-stone-700">{t('newHelp')}</p>
          <OpenRectificationForm
            source={ref}
            kindergartens={finding.kindergartens.map((k) => ({ id: k.id, name: k.name }))}
            defaultKindergartenId={
              finding.kindergartens.length === 1
                ? finding.kindergartens[0].id
                : finding.kindergartens.some((k) => k.id === finding.defaultKindergartenId)
                  ? finding.defaultKindergartenId
                  : null
            }
            today={finding.today}
            suggestedDeadline={suggested}
          />
        </>
      )}
    </>
  );
}
