import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/i18n/catalogue';
import { DIGEST_KIND, REMINDER_KINDS } from '@/lib/reminders/rules';
import { EVENT_GROUP, PREFERENCE_KINDS, REMINDER_GROUP } from './kinds';

const at = (messages: unknown, path: string) =>
  path.split('.').reduce<unknown>((m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined), messages);

describe('notification kinds people choose channels for', () => {
  it('are every event kind and every reminder, each once', () => {
    expect(new Set(PREFERENCE_KINDS).size).toBe(PREFERENCE_KINDS.length);
    expect(EVENT_GROUP).toContain('activity.disputed');
    expect(REMINDER_GROUP).toEqual(expect.arrayContaining(['rectification.overdue', ...REMINDER_KINDS]));
  });

  it('each have a label on My account and a title for the inbox, in both languages', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const messages = await loadMessages(locale);
      const noLabel = PREFERENCE_KINDS.filter((k) => typeof at(messages, `notifications.labels.${k}`) !== 'string');
      const noTitle = [...PREFERENCE_KINDS, DIGEST_KIND].filter((k) => typeof at(messages, `notifications.kinds.${k}.title`) !== 'string');
      expect({ locale, noLabel, noTitle }).toEqual({ locale, noLabel: [], noTitle: [] });
    }
  });
});
