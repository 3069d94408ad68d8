import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { setLocale } from '@/lib/account/actions';
import { LOCALES } from '@/i18n/locales';
import { Card, PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/form/submit-button';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('account.title');

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireUser();
  const { changed } = await searchParams;
  const t = await getTranslations();
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { phone: true, email: true, region: { select: { name: true } } },
  });
  const profile = [
    [t('account.name'), user.name],
    [t('account.role'), t(`roles.${user.role}`)],
    [t('account.unit'), user.kindergartenName ?? row.region?.name ?? ''],
    [t('account.login'), [row.phone, row.email].filter(Boolean).join(' · ')],
  ];
  return (
    <>
      <PageHeader title={t('account.title')} />
      {changed && (
        <p role="status" className="mb-4 rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">
          {t('password.done')}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t('account.profile')}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {profile.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <Link href="/account/password" className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
            {t('account.changePassword')}
          </Link>
          <p className="text-sm text-stone-600">
            <Link href="/account/notifications" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t('notifications.preferences.link')}
            </Link>{' '}
            {t('notifications.preferences.linkHelp')}
          </p>
          {hasPermission(user, 'apiToken.manage') && (
            <p className="text-sm text-stone-600">
              <Link href="/account/tokens" className="inline-flex min-h-11 items-center text-brand-700 underline">
                {t('api.tokens.link')}
              </Link>{' '}
              {t('api.tokens.linkHelp')}
            </p>
          )}
        </Card>
        <Card>
          <form action={setLocale} className="flex flex-col gap-3">
            <fieldset>
              <legend className="mb-2 font-semibold">{t('account.language')}</legend>
              <p className="mb-2 text-sm text-stone-600">{t('account.languageHelp')}</p>
              {LOCALES.map((l) => (
                <label key={l} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="locale" value={l} defaultChecked={user.locale === l} className="size-5" />
                  <span lang={l === 'zh' ? 'zh-CN' : 'en'}>{t(`locale.${l}`)}</span>
                </label>
              ))}
            </fieldset>
            <input type="hidden" name="returnTo" value="/account" />
            <SubmitButton variant="secondary" className="self-start">
              {t('account.save')}
            </SubmitButton>
          </form>
        </Card>
      </div>
    </>
  );
}
