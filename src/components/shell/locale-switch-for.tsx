import { getLocale, getTranslations } from 'next-intl/server';
import { toLocale } from '@/i18n/locales';
import { setLocale } from '@/lib/account/actions';
import { LocaleSwitch } from './locale-switch';

/**
 * The language switch with its words translated here, on the server. The action is handed over from
 * here too: a server action imported by a client module adds its client wrapper to every page.
 */
export async function LocaleSwitchFor({ className }: { className?: string }) {
  const t = await getTranslations('locale');
  return (
    <LocaleSwitch
      action={setLocale}
      locale={toLocale(await getLocale())}
      label={t('label')}
      switchTo={t('switchTo')}
      className={className}
    />
  );
}
