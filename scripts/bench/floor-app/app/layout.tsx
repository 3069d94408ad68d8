// The floor of `npm run bench:size`: the least first-load JavaScript any page of this stack can ship.
import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
