import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

/**
 * "Not found" as a page's content. `as="main"` where it is the whole page (an address that matches
 * no route); a plain `div` inside the signed-in shell, which has its main landmark already.
 */
export async function NotFoundMessage({ as: Tag }: { as: 'main' | 'div' }) {
  const t = await getTranslations('errors');
  return (
    <Tag className="mx-auto flex min-h-[60dvh] max-w-lg flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-stone-700">{t('notFound')}</p>
      <Link href="/" className="inline-flex min-h-11 items-center text-brand-700 underline">
        {t('backHome')}
      </Link>
    </Tag>
  );
}
