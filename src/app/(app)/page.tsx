import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/session';
import { HOME_PATH } from '@/lib/navigation';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('nav.home');

export default async function Home() {
  const user = await requireUser();
  redirect(HOME_PATH[user.role]);
}
