import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listOwnTokens } from '@/lib/api-tokens/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CreateTokenForm } from '@/components/api-tokens/create-token-form';
import { RevokeTokenForm } from '@/components/api-tokens/revoke-token-form';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('api.tokens.title');

export default async function TokensPage() {
  const user = await requireUser();
  if (!hasPermission(user, 'apiToken.manage')) await denyAccess(user, { entityType: 'PersonalAccessToken', path: '/account/tokens' });
  const [t, format, tokens] = await Promise.all([getTranslations('api.tokens'), getFormatter(), listOwnTokens(user)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-prose text-stone-700">{t('intro')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t('new')}</h2>
          <CreateTokenForm />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">{t('list')}</h2>
          {tokens.length === 0 ? (
            <p className="text-stone-600">{t('none')}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-stone-200">
              {tokens.map((k) => (
                <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="token-row">
                  <div className="text-sm">
                    <p className="font-medium">
                      {k.name} <span className="font-mono text-stone-600">hih_…{k.lastFour}</span>
                    </p>
                    <p className="text-stone-600">
                      {t(`state.${k.state}`)} · {t('createdAt')} {when(k.createdAt)} · {t('lastUsed')} {when(k.lastUsedAt)}
                      {k.expiresAt && (
                        <>
                          {' '}
                          · {t('expiresAt')} {when(k.expiresAt)}
                        </>
                      )}
                    </p>
                  </div>
                  {k.state === 'active' && <RevokeTokenForm id={k.id} />}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
