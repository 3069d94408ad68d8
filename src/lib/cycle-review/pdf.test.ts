import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/i18n/catalogue';
import { buildSummaryPdf } from './pdf';
import type { SummaryContent } from './summary';

const totals = { pairings: 3, done: 40, confirmed: 35, hours: 62.5, donations: 2, donationValue: 12800, mentoringSessions: 18 };
const avg = { n: 3, staffing: 15.2, excellent: 0.2, pass: 0.9, tests: 0.5, meets: 5, applicable: 12, good: 1, graded: 3 };
const content: SummaryContent = {
  asOf: '2026-11-30',
  cycle: { name: '2023–2025', startYear: 2023 },
  countyId: null,
  scopeName: '江州市',
  totals,
  before: avg,
  after: { ...avg, excellent: 0.4, meets: 10 },
  counties: [{ name: '清河区', totals, before: avg, after: avg }],
  commendations: [{ category: '城乡结对帮扶优秀结对', name: '江州市实验幼儿园 — 清河区柳湾镇中心幼儿园' }],
  examples: [
    {
      id: 'a1',
      title: '送教下乡：大班科学活动',
      type: 'SENT_DEMONSTRATION',
      date: '2024-11-12',
      supporting: '甲园',
      assisted: '乙园',
      evidence: 3,
    },
  ],
};

describe('cycle summary PDF', () => {
  it('is a PDF with the Chinese fonts embedded, draft or published, in either catalogue', async () => {
    for (const [locale, publishedOn] of [
      ['zh', null],
      ['en', '2025-09-30'],
    ] as const) {
      const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'cycleReview' });
      const pdf = await buildSummaryPdf(
        { name: '江州市', body: '两年来，全市结对帮扶工作稳步推进。', publishedOn, content },
        t,
        '2026-11-30',
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    }
  }, 30_000);
  it('still makes a PDF when nothing was compared or commended', async () => {
    const t = createTranslator({ locale: 'zh', messages: await loadMessages('zh'), namespace: 'cycleReview' });
    const pdf = await buildSummaryPdf(
      {
        name: '清河区',
        body: '',
        publishedOn: null,
        content: { ...content, before: null, after: null, counties: [], commendations: [], examples: [] },
      },
      t,
      '2026-11-30',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);
});
