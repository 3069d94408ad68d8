import { ClientIntl } from '@/components/intl/client-intl';

// This segment's translated client components get next-intl here (decision 011), with only the
// catalogues they use (decision 024; client-intl.test.ts names any missing or unused).
// Kindergartens: the import pages share the kindergarten import's words.
export default function UsersLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['kindergartens', 'roles', 'staff', 'users']}>{children}</ClientIntl>;
}
