import { ClientIntl } from '@/components/intl/client-intl';

// The inbox's one client form ("mark all read") gets next-intl here (decision 011), with only the
// catalogues it uses (decision 024; client-intl.test.ts names any missing).
export default function NotificationsLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['form']}>{children}</ClientIntl>;
}
