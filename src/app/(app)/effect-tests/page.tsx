import { Placeholder } from '@/components/ui/placeholder';

export default function Page() {
  return <Placeholder page="effectTests" />;
}
