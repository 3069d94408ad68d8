import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/session';
import { HOME_PATH } from '@/lib/navigation';

export default async function Home() {
  const user = await requireUser();
  redirect(HOME_PATH[user.role]);
}
