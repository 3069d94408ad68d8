'use client';
import { createContext, useContext } from 'react';

const DraftOwner = createContext<string | null>(null);

/** The signed-in user's id, for the drafts forms keep (set once by the app shell). */
export function DraftOwnerProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  return <DraftOwner.Provider value={userId}>{children}</DraftOwner.Provider>;
}

/** Null outside the signed-in shell: then no draft is kept, rather than one nobody owns. */
export function useDraftOwner() {
  return useContext(DraftOwner);
}
