import { ClientIntl } from '@/components/intl/client-intl';

// This segment's translated client components get next-intl here (decision 011), with only the
// catalogues they use (decision 024; client-intl.test.ts names any missing or unused).
// Settings gathers the other modules' settings forms.
export default function CyclesLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['cycleReview', 'cycles', 'form', 'notifications', 'spotChecks', 'teaching']}>{children}</ClientIntl>;
}
