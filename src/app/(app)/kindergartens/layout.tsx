import { ClientIntl } from '@/components/intl/client-intl';

// This segment's translated client components get next-intl here (decision 011), with only the
// catalogues they use (decision 024; client-intl.test.ts names any missing or unused).
// Pairings: the form's conflict notice.
export default function KindergartensLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['area', 'form', 'kindergartens', 'level', 'pairings']}>{children}</ClientIntl>;
}
