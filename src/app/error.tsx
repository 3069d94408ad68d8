'use client';
import { useErrorText } from '@/components/intl/error-text';

// Shows a plain message only: the detail stays in the server log, found by the digest.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorText();
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="text-stone-700">{t.body}</p>
      {error.digest && <p className="text-sm text-stone-600">{t.reference.replace('{digest}', error.digest)}</p>}
      <button type="button" onClick={reset} className="min-h-11 self-start rounded-md bg-brand-700 px-4 text-white">
        {t.retry}
      </button>
    </main>
  );
}
