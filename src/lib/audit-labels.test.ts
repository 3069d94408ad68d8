import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadMessages } from '@/i18n/catalogue';
import { PERMISSIONS } from '@/lib/authz';

const SRC = path.join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'generated') return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every action name written to the audit trail, as found in the code that writes it. */
function auditedActions() {
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('writeAudit(')) continue;
    for (const m of text.matchAll(/action: ([^,}\n]*)/g)) {
      for (const name of m[1].matchAll(/'([a-z][a-zA-Z]*\.[a-zA-Z]+)'/g)) found.add(name[1]);
    }
  }
  // Permission names appear beside writeAudit calls too; audited actions are events, never permissions.
  return [...found].filter((a) => !(a in PERMISSIONS)).sort();
}

describe('audit trail labels', () => {
  it('finds the actions the code writes', () => {
    expect(auditedActions()).toEqual(expect.arrayContaining(['auth.signIn', 'access.denied', 'user.passwordReset']));
  });

  it('has a label in both languages for every audited action', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const messages = (await loadMessages(locale)) as { audit: { actions: Record<string, Record<string, string>> } };
      const missing = auditedActions().filter((a) => {
        const [group, name] = a.split('.');
        return typeof messages.audit.actions[group]?.[name] !== 'string';
      });
      expect(missing, locale).toEqual([]);
    }
  });
});
