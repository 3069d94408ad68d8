import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { scopeRuleFor } from '@/lib/authz';
import { getKindergarten } from '@/lib/kindergartens/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { ActiveToggle } from '@/components/kindergartens/active-toggle';
import { regionName } from '@/i18n/region-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('kindergartens.title');

export default async function KindergartenPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const k = await getKindergarten(user, id);
  if (!k) return denyAccess(user, { entityType: 'Kindergarten', entityId: id });
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const listable = ['city', 'county'].includes(scopeRuleFor(user, 'kindergarten.view') ?? '');
  const facts: [string, string][] = [
    [t('kindergartens.code'), k.code],
    [t('kindergartens.county'), regionName(k.county, locale)],
    [t('kindergartens.area'), t(`area.${k.area}`)],
    [t('kindergartens.level'), t(`level.${k.level}`)],
    [t('kindergartens.paired'), k.paired ? t('kindergartens.yes') : t('kindergartens.no')],
    [t('kindergartens.status'), k.active ? t('kindergartens.active') : t('kindergartens.inactive')],
  ];
  const counts: [string, number][] = [
    [t('kindergartens.classCount'), k.classCount],
    [t('kindergartens.childCount'), k.childCount],
    [t('kindergartens.teacherCount'), k.teacherCount],
    [t('kindergartens.staffCount'), k.staffCount],
  ];
  const contact: [string, string][] = [
    [t('kindergartens.address'), k.address],
    [t('kindergartens.contactName'), k.contactName],
    [t('kindergartens.contactPhone'), k.contactPhone],
  ];
  const canEdit = k.may.update || k.may.updateProfile;
  return (
    <>
      {listable && (
        <Link href="/kindergartens" className="mb-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          {t('kindergartens.back')}
        </Link>
      )}
      <PageHeader title={k.name}>
        {canEdit && (
          <Link
            href={`/kindergartens/${k.id}/edit`}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
          >
            {k.may.update ? t('kindergartens.edit') : t('kindergartens.editProfile')}
          </Link>
        )}
      </PageHeader>
      {saved && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t('kindergartens.saved')}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t('kindergartens.basics')}</h2>
          <Facts rows={facts} />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t('kindergartens.counts')}</h2>
          <dl className="grid grid-cols-2 gap-3">
            {counts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-stone-600">{label}</dt>
                <dd className="text-xl font-semibold tabular-nums">{format.number(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t('kindergartens.contact')}</h2>
          <Facts rows={contact} />
          <p className="mt-3 text-xs text-stone-500">
            {t('kindergartens.updatedAt', {
              date: format.dateTime(k.updatedAt, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
            })}
          </p>
        </Card>
        {k.may.setActive && (
          <Card>
            <h2 className="mb-3 font-semibold">{t('kindergartens.status')}</h2>
            <ActiveToggle id={k.id} active={k.active} />
          </Card>
        )}
      </div>
    </>
  );
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-600">{label}</dt>
          <dd className="break-words">{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
