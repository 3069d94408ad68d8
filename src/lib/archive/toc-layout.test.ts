import { readdirSync, readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndexPdf } from './index-pdf';
import type { Archive } from './queries';
import { layoutToc, tocPageCount } from './toc-layout';

const box = { firstTop: 100, top: 56, bottom: 786, gap: 3 };

describe('layoutToc', () => {
  it('starts each row below the last line of the one before, however many lines it wraps onto', () => {
    const rows = layoutToc([15, 45, 15, 30], box);
    expect(rows.map((r) => r.y)).toEqual([100, 118, 166, 184]);
    expect(rows.every((r) => r.page === 0)).toBe(true);
  });

  it('moves a row that would cross the bottom to the next page, whole', () => {
    const rows = layoutToc(Array(50).fill(45), box);
    for (const r of rows) expect(r.y + r.height).toBeLessThanOrEqual(box.bottom);
    expect(rows[0]).toEqual({ page: 0, y: 100, height: 45 });
    const firstOnNext = rows.findIndex((r) => r.page === 1);
    expect(rows[firstOnNext].y).toBe(box.top);
    expect(tocPageCount(rows)).toBe(rows[rows.length - 1].page + 1);
    expect(tocPageCount([])).toBe(1);
  });
});

// The rendered contents of a real archive PDF: every label drawn in full, no row over another.
describe('the archive PDF’s contents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('wraps long titles and keeps every row clear of the next', async () => {
    const folder = `${process.cwd()}/messages/zh`;
    const messages = Object.assign({}, ...readdirSync(folder).map((f) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8'))));
    const t = createTranslator({ locale: 'zh', messages });
    const long =
      '送教下乡：大班科学领域集体教学活动《沉与浮》观摩研讨、同课异构与课后反思交流会（第二轮，含家长开放日和区域活动材料投放指导）';
    const activities = Array.from({ length: 40 }, (_, i) => ({
      id: `a${i}`,
      title: i % 3 === 0 ? `${long} ${i}` : `短标题 ${i}`,
      type: 'TEACHING_OBSERVATION',
      status: 'DONE',
      direction: 'TO_ASSISTED',
      startsAt: new Date(Date.UTC(2025, 9, 1 + (i % 28), 2)),
      location: '',
      classHours: 2,
      confirmation: 'CONFIRMED',
      plan: '',
      measures: '',
      record: '',
      summary: '',
      outsideExperts: [],
      participants: [],
      donationLines: [],
      receiptConfirmedAt: null,
      evidence: [],
    }));
    const archive = {
      pairing: { supporting: '江州市实验幼儿园', assisted: '柳湾镇中心幼儿园' },
      year: 2025,
      timeZone: 'Asia/Shanghai',
      plan: null,
      activities,
      lessons: [],
      papers: [],
      mentorPairs: [],
      programmes: [],
      completeness: { done: 40, complete: 0, completePct: 0, confirmed: 40, pending: 0, disputed: 0 },
    } as unknown as Archive;

    // Every text drawn at a given position, with the page it is on and where it ended.
    const drawn: { page: unknown; text: string; x: number; top: number; bottom: number; width?: number }[] = [];
    const original = PDFDocument.prototype.text;
    vi.spyOn(PDFDocument.prototype, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args: unknown[]) {
      const [text, x, y, options] = args as [string, number | undefined, number | undefined, { width?: number } | undefined];
      const result = (original as (...a: unknown[]) => PDFKit.PDFDocument).apply(this, args);
      if (typeof x === 'number' && typeof y === 'number')
        drawn.push({ page: this.page, text, x, top: y, bottom: this.y, width: options?.width });
      return result;
    });
    const doc = buildIndexPdf(archive, t as never);
    await new Promise<void>((resolve) => {
      doc.on('data', () => {});
      doc.on('end', resolve);
    });

    const labels = drawn.filter((d) => d.text.includes('短标题') || d.text.includes(long.slice(0, 10)));
    // Drawn once each, in full: a long title is not cut off.
    expect(labels.map((d) => d.text).sort()).toEqual(activities.map((a) => `${a.startsAt.toISOString().slice(0, 10)}  ${a.title}`).sort());
    const wrapped = labels.filter((d) => d.bottom - d.top > 30);
    expect(wrapped.length).toBeGreaterThan(0);

    // Rows on the same page do not overlap, and none runs past the page's bottom margin.
    const pages = new Map<unknown, typeof drawn>();
    // (The footer's page number is drawn below the margin on purpose: left out here.)
    const inBody = (d: (typeof drawn)[number]) => {
      const p = d.page as PDFKit.PDFPage;
      return d.width != null && d.top < p.height - p.margins.bottom;
    };
    for (const d of drawn.filter(inBody)) pages.set(d.page, [...(pages.get(d.page) ?? []), d]);
    const tocRows = labels.map((l) => l.page);
    for (const page of new Set(tocRows)) {
      const rows = pages
        .get(page)!
        .filter((d) => d.width !== 40)
        .sort((p, q) => p.top - q.top);
      for (let i = 1; i < rows.length; i++) expect(rows[i].top, rows[i].text).toBeGreaterThanOrEqual(rows[i - 1].bottom);
      const p = page as PDFKit.PDFPage;
      for (const r of rows) expect(r.bottom).toBeLessThanOrEqual(p.height - p.margins.bottom + 0.01);
    }
    // The contents took more than one page, and the page numbers sit at their row's top.
    expect(new Set(tocRows).size).toBeGreaterThan(1);
    for (const l of labels)
      expect(drawn.some((d) => d.page === l.page && d.width === 40 && d.top === l.top && /^\d+$/.test(d.text))).toBe(true);
  });
});
