import { requireUser } from '@/lib/session';
import { AppShell } from '@/components/shell/app-shell';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPasswordChange: true });
  return <AppShell user={user}>{children}</AppShell>;
}
