import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Metadata } from 'next';
import { getCurrentUser } from '@/lib/session';
import { LoginForm } from '@/components/auth/login-form';
import { LocaleSwitchFor as LocaleSwitch } from '@/components/shell/locale-switch-for';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage() {
  if (await getCurrentUser()) redirect('/');
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-8">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-3xl font-bold text-brand-700">{t('app.name')}</p>
          <p className="mt-1 text-stone-700">{t('login.intro')}</p>
        </div>
        <Suspense>
          <LocaleSwitch className="text-brand-700" />
        </Suspense>
      </div>
      <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t('login.title')}</h1>
        <LoginForm />
      </section>
    </main>
  );
}
