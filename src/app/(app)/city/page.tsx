import { RoleHome } from '@/components/home/role-home';
import { RectificationsHome } from '@/components/rectifications/home-card';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('nav.home');

export default function Page() {
  return (
    <>
      <RoleHome path="/city" />
      <RectificationsHome path="/city" />
    </>
  );
}
