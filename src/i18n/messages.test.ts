import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES, loadMessages } from './request';

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
    const flat = (o: unknown): string[] => Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => [k, ...(v && typeof v === 'object' ? flat(v) : [])]);
    expect(flat(zh).filter((k) => k.includes('.'))).toEqual([]);
  });
});
