import { describe, expect, it } from 'vitest';
import { figureText, memoizeFormatting } from './figure';

describe('memoizeFormatting', () => {
  it('formats each distinct message and number once and returns what the originals return', () => {
    const calls = { t: 0, n: 0 };
    const t = (key: string, values?: Record<string, string | number>) => {
      calls.t += 1;
      return `${key}:${JSON.stringify(values ?? {})}`;
    };
    const format = {
      number: (n: number, o?: { style?: 'percent'; maximumFractionDigits?: number }) => {
        calls.n += 1;
        return o?.style === 'percent' ? `${n * 100}%` : String(n);
      },
    };
    const m = memoizeFormatting(t, format);
    const hours = { kind: 'hours' as const, have: 9.5, need: 10, unconfirmed: 1 };
    const first = figureText(m.t, m.format, hours);
    for (let i = 0; i < 100; i++) expect(figureText(m.t, m.format, hours)).toEqual(first);
    expect(first).toEqual(figureText(t, format, hours));
    const before = { ...calls };
    figureText(m.t, m.format, { ...hours, have: 4 });
    // A new figure formats its new number (4) and message; the repeated need (10) and note are cached.
    expect(calls.n - before.n).toBe(1);
    expect(calls.t - before.t).toBe(1);
    expect(m.format.number(0.3, { style: 'percent' })).toBe('30%');
    expect(m.format.number(0.3)).toBe('0.3');
  });
});
