import { ClientIntl } from '@/components/intl/client-intl';

// This segment has translated client components: they get next-intl here (decision 011), with only
// the catalogues they use (decision 024; client-intl.test.ts names any missing).
export default function BulletinsLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['bulletins']}>{children}</ClientIntl>;
}
