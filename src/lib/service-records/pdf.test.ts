import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/i18n/catalogue';
import { buildServiceRecordPdf } from './pdf';
import type { ServiceRecord } from './queries';

const record: ServiceRecord = {
  person: { id: 'u1', name: '王老师', role: 'TEACHER', kindergarten: '江州市实验幼儿园', county: '清河区', countyEn: 'Qinghe District' },
  asOf: '2026-11-30',
  cycles: [
    {
      name: '2025–2027',
      startYear: 2025,
      classHoursSent: 12.5,
      sentActivities: 6,
      followUpHosted: 2,
      followUpAttended: 0,
      postings: 1,
      otherActivities: 3,
    },
  ],
  mentoring: [{ as: 'MENTOR', other: '李老师', startsOn: '2025-09-01', endsOn: null, sessions: 8 }],
  lessons: { total: 4, EXCELLENT: 2, GOOD: 1, PASS: 1, FAIL: 0, unrated: 0 },
  papers: [{ title: '论游戏', venue: '学前教育', kind: 'PUBLISHED', level: 'MUNICIPAL', award: '一等奖', date: '2026-01-10' }],
  commendations: [],
};

describe('service record PDF', () => {
  it('is a PDF in both languages, with the fonts embedded', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'serviceRecords' });
      const pdf = await buildServiceRecordPdf(
        { code: '7K3M9QX2ZB01', printedOn: '2026-11-30', record },
        t,
        locale,
        'https://example.cn/verify',
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    }
  });
});
