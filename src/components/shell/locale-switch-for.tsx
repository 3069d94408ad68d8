import { getLocale, getTranslations } from 'next-intl/server';
import { toLocale } from '@/i18n/locales';
import { LocaleSwitch } from './locale-switch';

/** The language switch with its words translated here, on the server. */
export async function LocaleSwitchFor({ className }: { className?: string }) {
  const t = await getTranslations('locale');
  return <LocaleSwitch locale={toLocale(await getLocale())} label={t('label')} switchTo={t('switchTo')} className={className} />;
}
