import { ClientIntl } from '@/components/intl/client-intl';

// The sign-in form's words only: the first page on a slow network carries no other catalogue (decision 024).
export default function LoginLayout({ children }: { children: React.ReactNode }) {
  return <ClientIntl namespaces={['login']}>{children}</ClientIntl>;
}
