import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { getBulletin } from '@/lib/bulletins/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { BulletinContentView } from '@/components/bulletins/bulletin-content';
import { BulletinForm } from '@/components/bulletins/bulletin-form';
import { PublishForm } from '@/components/bulletins/publish-form';
import { periodName } from '@/components/bulletins/period-name';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('bulletins.title');

const button = 'inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-3 text-sm';

/** A bulletin: published, as everyone in the city reads it; a draft, the city's preview, edit and publish. */
export default async function BulletinPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; published?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const sp = await searchParams;
  const b = hasPermission(user, 'bulletin.view') ? await getBulletin(user, id, db) : null;
  if (!b) return denyAccess(user, { entityType: 'Bulletin', entityId: id, path: `/bulletins/${id}` });
  const t = await getTranslations('bulletins');
  const format = await getFormatter();
  const draft = b.status === 'DRAFT';
  return (
    <>
      <Link href="/bulletins" className="text-sm text-brand-800 underline">
        ← {t('links.back')}
      </Link>
      <PageHeader title={b.title}>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/bulletins/${b.id}/pdf`} className={button} download>
            {t('actions.pdf')}
          </a>
          <a href={`/api/bulletins/${b.id}/xlsx`} className={button} download>
            {t('actions.xlsx')}
          </a>
        </div>
      </PageHeader>
      <p className="mb-3 text-sm text-stone-700">
        {periodName(t, b.period)} · {t('periodDays', { from: b.period.startsOn, to: b.period.endsOn })} · {t(`statusName.${b.status}`)}
        {b.publishedAt && ` · ${t('publishedOn', { date: format.dateTime(b.publishedAt, { dateStyle: 'medium' }) })}`}
      </p>
      {sp.saved && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {t('saved')}
        </p>
      )}
      {sp.published && (
        <p role="status" className="mb-3 rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
          {t('published')}
        </p>
      )}
      {draft && (
        <p className="mb-3 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="draft-preview">
          {t('preview')}
        </p>
      )}
      {b.body && (
        <Card className="mb-4">
          <div className="whitespace-pre-wrap" data-testid="bulletin-body">
            {b.body}
          </div>
        </Card>
      )}
      <BulletinContentView content={b.content} />
      {draft && b.canManage && (
        <div className="mt-6 grid gap-4 lg:grid-cols-2">
          <Card>
            <h2 className="mb-2 font-semibold">{t('actions.save')}</h2>
            <BulletinForm
              periods={[]}
              initial={{ id: b.id, version: b.version, closedPeriodId: b.closedPeriodId, title: b.title, body: b.body }}
            />
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">{t('publish.title')}</h2>
            <PublishForm id={b.id} version={b.version} />
          </Card>
        </div>
      )}
    </>
  );
}
