import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/session';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('serviceRecords.title');

/** A teacher's (or director's) own record; the bureau starts from the list. */
export default async function MyServiceRecordPage() {
  const user = await requireUser();
  redirect(user.role === 'TEACHER' || user.role === 'DIRECTOR' ? `/service-records/${user.id}` : '/service-records');
}
