import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { hasPermission } from '@/lib/authz';
import { denyAccess, requireUser } from '@/lib/session';
import { listDuplicatePhotos } from '@/lib/evidence/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('evidence.duplicates.title');

export default async function DuplicatePhotosPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'evidence.duplicates')) return denyAccess(user, { entityType: 'Page', path: '/evidence/duplicates' });
  const rows = await listDuplicatePhotos(user, db);
  const t = await getTranslations('evidence.duplicates');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-2xl text-sm text-stone-700">{t('intro')}</p>
      {rows.length === 0 ? (
        <Card>
          <p>{t('empty')}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((r) => (
            <li key={`${r.first.fileId}-${r.second.fileId}`}>
              <Card>
                <div className="flex gap-3">
                  {/* eslint-disable-next-line @next/next/no-img-element -- the scoped file route */}
                  <img
                    src={`/api/files/${r.first.fileId}?size=thumb`}
                    alt={t('photo')}
                    loading="lazy"
                    className="size-20 shrink-0 rounded border object-cover"
                  />
                  <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    {(
                      [
                        ['first', r.first],
                        ['second', r.second],
                      ] as const
                    ).map(([k, x]) => (
                      <div key={k} className="contents">
                        <dt className="text-stone-600">{t(k)}</dt>
                        <dd>
                          <Link href={`/activities/${x.activityId}`} className="text-brand-800 underline">
                            {x.title}
                          </Link>{' '}
                          <span className="text-xs text-stone-600">
                            · {t('uploadedAt')} {format.dateTime(x.at, { dateStyle: 'medium' })}
                          </span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
                <p className="mt-2 break-all font-mono text-xs text-stone-500">SHA-256 {r.sha256}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
