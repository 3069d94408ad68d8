import { ClientIntl } from '@/components/intl/client-intl';

// This segment's translated client components get next-intl here (decision 011), with only the
// catalogues they use (decision 024; client-intl.test.ts names any missing or unused).
export default function SpotChecksLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['spotChecks']}>{children}</ClientIntl>;
}
