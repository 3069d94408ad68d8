import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { HTML_LANG, toLocale } from '@/i18n/locales';
import { ErrorTextProvider } from '@/components/intl/error-text';
import { OfflineTextProvider } from '@/components/offline/offline-text';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  // The manifest's description too (src/app/manifest.ts).
  return { title: { default: t('app.fullName'), template: `%s · ${t('app.name')}` }, description: t('login.intro') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#115c3f' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = toLocale(await getLocale());
  const t = await getTranslations('errors');
  const offline = await getTranslations('offline');
  // No client translations here: segments with translated client components add them
  // (ClientIntl), so the dashboards ship neither the translation code nor the catalogues.
  return (
    <html lang={HTML_LANG[locale]}>
      <body className="min-h-dvh bg-stone-50 font-sans text-stone-900 antialiased">
        <ErrorTextProvider value={{ title: t('errorTitle'), body: t('error'), retry: t('retry'), reference: t.raw('reference') as string }}>
          <OfflineTextProvider
            value={{ kept: offline('kept'), retry: offline('retry'), signOutPending: offline.raw('signOutPending') as string }}
          >
            {children}
          </OfflineTextProvider>
        </ErrorTextProvider>
      </body>
    </html>
  );
}
