'use client';
import { removeAllDrafts } from '@/components/form/draft-store';

/**
 * Sign-out removes every unsaved draft from this browser before the session ends: the next person
 * at a shared computer must not find them (drafts are also stored per user, see draft-store.ts).
 */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  return (
    <form action={action} onSubmit={() => removeAllDrafts(localStorage)}>
      <button type="submit" className="min-h-11 rounded-md px-3 text-sm underline-offset-2 hover:underline">
        {label}
      </button>
    </form>
  );
}
