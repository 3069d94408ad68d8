import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const app = path.join(import.meta.dirname, '../app');

describe('page titles', () => {
  it('every page names itself in the tab (else each shows the same app name)', () => {
    const pages = readdirSync(app, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'page.tsx');
    expect(pages.length).toBeGreaterThan(50);
    const untitled = pages.filter(
      (f) =>
        !/export (const|async function|function) generateMetadata\b|export const metadata\b/.test(readFileSync(path.join(app, f), 'utf8')),
    );
    expect(untitled).toEqual([]);
  });
});
