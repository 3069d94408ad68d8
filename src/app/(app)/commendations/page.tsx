import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listRounds } from '@/lib/commendations/queries';
import { PageHeader, Card } from '@/components/ui/page-header';
import { RoundForm } from '@/components/commendations/forms';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('commendations.title');

export default async function CommendationsPage() {
  const user = await requireUser();
  const t = await getTranslations('commendations');
  const rounds = await listRounds(user);
  const manage = hasPermission(user, 'commendation.manage');
  const cycles = manage ? await db.cycle.findMany({ select: { id: true, name: true }, orderBy: { startYear: 'desc' } }) : [];
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 text-stone-700">{t('intro')}</p>
      <Card>
        <h2 className="mb-2 font-semibold text-stone-900">{t('rounds')}</h2>
        {rounds.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noRounds')}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {rounds.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/commendations/${r.id}`}
                  className="flex min-h-11 flex-wrap items-center justify-between gap-2 py-2 hover:bg-stone-50"
                >
                  <span className="font-medium text-brand-800">{r.title}</span>
                  <span className="text-sm text-stone-600">
                    {r.cycle.name} · {t(`status.${r.status}`)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {manage && (
        <Card className="mt-4">
          <h2 className="mb-2 font-semibold text-stone-900">{t('new')}</h2>
          <RoundForm cycles={cycles.map((c) => ({ value: c.id, label: c.name }))} />
        </Card>
      )}
    </>
  );
}
