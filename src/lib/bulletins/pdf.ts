import 'server-only';
/**
 * A bulletin as a PDF in Chinese (pdfkit with Noto Sans SC from node_modules, embedded: no OS fonts),
 * as src/lib/archive/index-pdf.ts makes the archive's index: title, period, the bureau's text, the
 * counties, those to commend and to improve, then every pairing. Text only, so it stays small.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Translator } from '@/i18n/translator';
import { periodName } from '@/components/bulletins/period-name';
import type { BulletinContent, BulletinPairing } from './content';

const FONT = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export type PdfBulletin = { title: string; body: string; publishedOn: string | null; content: BulletinContent };

export function buildBulletinPdf(b: PdfBulletin, t: Translator, madeOn: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: b.title } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body').fontSize(10.5);
  const c = b.content;
  const tc = (k: string, v?: Record<string, string | number>) => t(`bulletins.content.${k}` as 'bulletins.content.none', v);
  const h1 = (s: string) => doc.font('bold').fontSize(17).text(s, { align: 'center' }).moveDown(0.4).font('body').fontSize(10.5);
  const h2 = (s: string) => doc.moveDown(0.6).font('bold').fontSize(12.5).text(s).moveDown(0.2).font('body').fontSize(10.5);
  const line = (s: string) => doc.text(s).moveDown(0.15);
  const countyName = (code: string) => c.counties.find((x) => x.code === code)?.name ?? '';
  const label = (p: BulletinPairing) => `${p.supporting.name} → ${p.assisted.name}`;
  const tests = (ids: string[]) =>
    ids.length ? ids.map((id) => `${id} ${t(`effectTests.testName.${id}` as 'effectTests.testName.S1')}`).join('、') : tc('none');
  const grade = (g: BulletinPairing['grade']) => (g ? tc(`gradeName.${g}`) : tc('noGrade'));

  doc.fontSize(12).text(t('bulletins.pdf.heading'), { align: 'center' }).moveDown(0.3);
  h1(b.title);
  doc
    .text(
      `${periodName((k, v) => t(`bulletins.${k}`, v), c.period)}（${t('bulletins.periodDays', { from: c.period.startsOn, to: c.period.endsOn })}）`,
      {
        align: 'center',
      },
    )
    .moveDown(0.2);
  if (b.publishedOn) doc.text(t('bulletins.publishedOn', { date: b.publishedOn }), { align: 'center' });
  doc.moveDown(0.8);
  if (b.body.trim()) {
    h2(t('bulletins.pdf.body'));
    doc.text(b.body.trim()).moveDown(0.3);
  }
  line(`${tc('closedOn', { date: c.period.closedAt.slice(0, 10) })}${tc('asOf', { date: c.asOf })}`);

  h2(tc('counties'));
  for (const x of c.counties) {
    const grades = (['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const)
      .filter((g) => x.grades[g] > 0)
      .map((g) => tc('gradeCount', { grade: tc(`gradeName.${g}`), count: x.grades[g] }))
      .join('，');
    line(
      `${x.name}：${tc('pairings')} ${x.pairings}，${tc('allMet')} ${x.allMet}，${tc('commended')} ${x.commended}，${tc('toImprove')} ${x.toImprove}，` +
        `${tc('missedTests')} ${x.missedTests}，${tc('overdue')} ${x.overdueRectifications}${grades ? `；${tc('grades')} ${grades}` : ''}`,
    );
  }

  const commended = c.pairings.filter((p) => p.verdict === 'commend');
  h2(tc('commendList'));
  if (!commended.length) line(tc('noneCommended'));
  for (const p of commended) line(`${label(p)}（${countyName(p.county)}）· ${grade(p.grade)}`);

  const improve = c.pairings.filter((p) => p.verdict === 'improve');
  h2(tc('improveList'));
  if (!improve.length) line(tc('noneImprove'));
  for (const p of improve) line(`${label(p)}（${countyName(p.county)}）：${p.reasons.map((r) => tc(`reasons.${r}`)).join('；')}`);

  h2(tc('byPairing'));
  if (!c.pairings.length) line(tc('noPairings'));
  for (const x of c.counties.filter((k) => k.pairings > 0)) {
    doc.moveDown(0.3).font('bold').text(x.name).font('body');
    for (const p of c.pairings.filter((q) => q.county === x.code)) {
      doc
        .moveDown(0.2)
        .font('bold')
        .text(`${label(p)}${p.verdict ? `　[${tc(`verdictName.${p.verdict}`)}]` : ''}`)
        .font('body');
      line(`${tc('met')}：${tests(p.met)}`);
      line(`${tc('missed')}：${tests(p.missed)}`);
      line(`${tc('grade')}：${grade(p.grade)}　${tc('overdue')}：${p.overdueRectifications}`);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text(`${t('bulletins.pdf.page', { page: i + 1 })}　${t('bulletins.pdf.generated', { date: madeOn })}`, 0, doc.page.height - 36, {
        align: 'center',
        width: doc.page.width,
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return doc;
}

/** The whole PDF in memory: a bulletin is a few pages of text. */
export async function bulletinPdfBuffer(b: PdfBulletin, t: Translator, madeOn: string): Promise<Buffer> {
  const doc = buildBulletinPdf(b, t, madeOn);
  const chunks: Buffer[] = [];
  for await (const chunk of doc as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
