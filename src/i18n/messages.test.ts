import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES, loadMessages } from './catalogue';

function keys(o: unknown, prefix = ''): string[] {
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogues', () => {
  it('Chinese and English have exactly the same keys', async () => {
    const [zh, en] = await Promise.all([loadMessages('zh'), loadMessages('en')]);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    expect(keys(zh).length).toBeGreaterThan(50);
  });

  it('every catalogue file on disk is loaded', () => {
    for (const locale of ['zh', 'en']) {
      const files = readdirSync(path.join(import.meta.dirname, '../../messages', locale)).map((f) => f.replace(/\.json$/, ''));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it('no key contains a dot (next-intl reads dots as nesting)', async () => {
    const zh = await loadMessages('zh');
    const flat = (o: unknown): string[] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => [k, ...(v && typeof v === 'object' ? flat(v) : [])]);
    expect(flat(zh).filter((k) => k.includes('.'))).toEqual([]);
  });

  it('users never read developer words (seed files, databases, raw values)', async () => {
    const texts = (o: unknown, prefix = ''): [string, string][] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
        v && typeof v === 'object' ? texts(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]],
      );
    const words = /种子|seed|数据库|database|prisma|schema|\bnull\b|undefined/i;
    // NaN as a word and in its own case: "Unannounced" and "unanswered" hold the letters n-a-n.
    const notANumber = /\bNaN\b/;
    for (const locale of ['zh', 'en'] as const) {
      const found = texts(await loadMessages(locale)).filter(([, v]) => words.test(v) || notANumber.test(v));
      expect(found, locale).toEqual([]);
    }
  });

  it('English counts before a plural noun go through plural ("1 row", not "1 rows")', async () => {
    const en = await loadMessages('en');
    const texts = (o: unknown, prefix = ''): [string, string][] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
        v && typeof v === 'object' ? texts(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]],
      );
    const bare = texts(en)
      .filter(([, v]) => /\{\w+, number\} \w+s\b/.test(v))
      .map(([k]) => k);
    expect(bare).toEqual([]);
  });
});
