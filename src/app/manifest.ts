import type { MetadataRoute } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { HTML_LANG, toLocale } from '@/i18n/locales';

/**
 * Makes the app installable on a phone's home screen, named in the language of whoever installs
 * it (the language cookie, as for every page). The icons are written by scripts/icons/generate.mjs.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const locale = toLocale(await getLocale());
  const t = await getTranslations();
  return {
    id: '/',
    name: t('app.fullName'),
    short_name: t('app.name'),
    description: t('login.intro'),
    lang: HTML_LANG[locale],
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#fafaf9',
    theme_color: '#115c3f',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
