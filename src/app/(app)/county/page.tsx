import { RoleHome } from '@/components/home/role-home';

export default function Page() {
  return <RoleHome path="/county" />;
}
