'use client';
import { createContext, useContext } from 'react';

/**
 * The words every form needs when the network fails, translated on the server by the root layout
 * (like the error page's, error-text.tsx): any form may lose the network, and the dashboards must
 * not load next-intl in the browser for it (decision 011).
 */
export type OfflineText = {
  kept: string;
  retry: string;
  /** With a {count} placeholder: asked at sign-out while sends wait on the device. */
  signOutPending: string;
};

const Context = createContext<OfflineText>({
  kept: 'No connection — kept on this device.',
  retry: 'Retry',
  signOutPending: 'Not yet sent from this device: {count}. Sign out anyway?',
});

export function OfflineTextProvider({ value, children }: { value: OfflineText; children: React.ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useOfflineText = () => useContext(Context);
