import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatMessage } from './message-format';

// The browser's formatter must say exactly what next-intl says on the server: every message of both
// catalogues, with each plural form, each select branch and both kinds of simple value.
const root = path.resolve(import.meta.dirname, '../../../messages');

function* leaves(o: unknown, at: string[] = []): Generator<[string, string]> {
  if (typeof o === 'string') yield [at.join('.'), o];
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) yield* leaves(v, [...at, k]);
}

function candidates(message: string) {
  const args = new Map<string, unknown[]>();
  for (const m of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    const [, name, type] = m;
    const keys = [...message.matchAll(/([=\w]+)\s*\{/g)].map((k) => k[1]).filter((k) => !k.startsWith('='));
    const list =
      type === 'plural'
        ? [0, 1, 2, 5, 21, 1234]
        : type === 'select'
          ? [...keys, 'none-of-these']
          : type === 'number'
            ? [0, 1, 1234.5]
            : ['Ada', 1234.5];
    if (!args.has(name) || type) args.set(name, list);
  }
  const longest = Math.max(1, ...[...args.values()].map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => Object.fromEntries([...args].map(([k, l]) => [k, l[i % l.length]])));
}

for (const locale of ['zh', 'en'] as const) {
  const messages: Record<string, unknown> = {};
  for (const f of readdirSync(path.join(root, locale)))
    Object.assign(messages, JSON.parse(readFileSync(path.join(root, locale, f), 'utf8')));
  const t = createTranslator({ locale, messages, timeZone: 'Asia/Shanghai' }) as unknown as (key: string, values?: object) => string;
  const all = [...leaves(messages)];

  describe(`client message formatting (${locale})`, () => {
    it('covers the catalogue', () => expect(all.length).toBeGreaterThan(500));
    it.each(all)('%s', (key, message) => {
      for (const values of candidates(message))
        expect(formatMessage(message, values as Record<string, string | number>, locale), JSON.stringify(values)).toBe(t(key, values));
    });
  });
}

describe('client message formatting', () => {
  it('quotes and apostrophes as ICU', () => {
    expect(formatMessage("It's '{'literal'}' and ''quoted''", {}, 'en')).toBe("It's {literal} and 'quoted'");
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 }, 'en')).toBe('none');
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 1234 }, 'en')).toBe('1,234 items');
  });
  it('refuses what it does not know rather than saying it wrong', () => {
    expect(() => formatMessage('{d, date, short}', { d: 1 }, 'en')).toThrow();
  });
});
