/**
 * The horizontal scroller around a table wider than a phone. Focusable, so a keyboard can scroll it
 * too (WCAG 2.1.1; axe `scrollable-region-focusable`), and named, as any focusable region must be.
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
