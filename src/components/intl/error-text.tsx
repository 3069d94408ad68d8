'use client';
import { createContext, useContext } from 'react';

/**
 * The error page's words, translated on the server by the root layout: the error boundary is a
 * client component and every page has one, so it must not need next-intl in the browser.
 */
export type ErrorText = { title: string; body: string; retry: string; /** With a {digest} placeholder. */ reference: string };

const Context = createContext<ErrorText | null>(null);

export function ErrorTextProvider({ value, children }: { value: ErrorText; children: React.ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useErrorText(): ErrorText {
  const text = useContext(Context);
  if (!text) throw new Error('ErrorTextProvider is missing from the root layout');
  return text;
}
