import { NotFoundMessage } from '@/components/shell/not-found-message';

// notFound() in a signed-in page renders inside the shell's <main>: a second main landmark would be wrong.
export default function NotFound() {
  return <NotFoundMessage as="div" />;
}
