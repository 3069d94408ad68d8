/**
 * A cycle summary as a Chinese PDF (pdfkit, Noto Sans SC embedded): the bureau's text, then what was
 * generated from the records: totals, before and after, each county (the city's), commendations and
 * example activities. Text and a plain table only, so it stays small.
 */
import PDFDocument from 'pdfkit';
import type { Translator } from '@/i18n/translator';
import { registerChineseFonts } from '@/lib/pdf/chinese-fonts';
import { rollupRows, type RollupRow } from './rules';
import type { SummaryContent, Totals } from './summary';

export type PdfSummary = { name: string; body: string; publishedOn: string | null; content: SummaryContent };

export function formatRollupValue(r: Pick<RollupRow, 'unit'>, v: number | null): string {
  if (v == null) return '—';
  return r.unit === 'percent' ? `${Math.round(v * 100)}%` : v.toFixed(1);
}

export function buildSummaryPdf(s: PdfSummary, t: Translator<'cycleReview'>, madeOn: string): Promise<Buffer> {
  const c = s.content;
  const title = t('summary.pdfTitle', { scope: s.name, cycle: c.cycle.name });
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: title } });
  registerChineseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  const h2 = (text: string) => doc.moveDown(0.8).font('bold').fontSize(12.5).text(text).moveDown(0.2).font('body').fontSize(10.5);
  const line = (text: string) => doc.text(text, { width }).moveDown(0.15);
  const totalsLine = (x: Totals) =>
    t('summary.totalsLine', {
      pairings: x.pairings,
      done: x.done,
      confirmed: x.confirmed,
      hours: x.hours,
      donations: x.donations,
      value: x.donationValue,
      sessions: x.mentoringSessions,
    });

  doc.font('bold').fontSize(17).text(title, { align: 'center', width }).moveDown(0.3);
  doc.font('body').fontSize(10.5);
  doc.text(s.publishedOn ? t('summary.publishedOn', { date: s.publishedOn }) : t('summary.draftMark'), { align: 'center', width });
  doc.text(t('summary.asOf', { date: c.asOf }), { align: 'center', width }).moveDown(0.6);
  if (s.body.trim()) {
    h2(t('summary.bodyHeading'));
    doc.text(s.body.trim(), { width, lineGap: 3 }).moveDown(0.3);
  }

  h2(t('summary.totals'));
  line(totalsLine(c.totals));

  h2(t('summary.beforeAfter'));
  const rows = rollupRows(c.before, c.after);
  if (!c.before || !c.after) line(t('rollup.noneCompared'));
  else {
    line(t('rollup.compared', { n: c.after.n }));
    const col = [0, width * 0.55, width * 0.78];
    const x0 = doc.page.margins.left;
    const header = (y: number) => {
      doc.font('bold').text(t('table.measure'), x0 + col[0], y, { width: col[1] - 4 });
      doc.text(t('table.before'), x0 + col[1], y, { width: col[2] - col[1] - 4 });
      doc.text(t('table.after'), x0 + col[2], y, { width: width - col[2] });
      doc.font('body');
    };
    header(doc.y);
    for (const r of rows) {
      const y = doc.y + 2;
      doc.text(t(`rollup.key.${r.key}`), x0 + col[0], y, { width: col[1] - 4 });
      doc.text(formatRollupValue(r, r.before), x0 + col[1], y, { width: col[2] - col[1] - 4 });
      doc.text(formatRollupValue(r, r.after), x0 + col[2], y, { width: width - col[2] });
    }
    doc.x = x0;
  }

  if (c.counties.length) {
    h2(t('summary.counties'));
    for (const k of c.counties) {
      doc.font('bold').text(k.name, { width }).font('body');
      line(totalsLine(k.totals));
      if (k.before && k.after)
        line(
          rollupRows(k.before, k.after)
            .map((r) => `${t(`rollup.key.${r.key}`)} ${formatRollupValue(r, r.before)} → ${formatRollupValue(r, r.after)}`)
            .join('；'),
        );
    }
  }

  h2(t('summary.commendations'));
  if (!c.commendations.length) line(t('summary.noCommendations'));
  for (const x of c.commendations) line(`${x.category}：${x.name}`);

  h2(t('summary.examples'));
  if (!c.examples.length) line(t('summary.noExamples'));
  for (const x of c.examples)
    line(t('summary.exampleLine', { date: x.date, title: x.title, supporting: x.supporting, assisted: x.assisted, evidence: x.evidence }));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(t('summary.pageFooter', { page: i + 1, date: madeOn }), 0, doc.page.height - 36, {
      align: 'center',
      width: doc.page.width,
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
