/**
 * The index PDF of an archive, in Chinese (pdfkit with Noto Sans SC from node_modules: no OS fonts).
 * Cover, contents with page numbers, the annual plan, one page per activity with its four parts,
 * then lessons, papers, master–apprentice files and programmes. Pages are buffered so the
 * contents can name the page each activity starts on; the document is text only, so this is small.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { MessageKey, Translator } from '@/i18n/translator';
import { instantToZoned } from '@/lib/time/zoned';
import { isoOf } from '@/lib/time/date-only';
import type { Archive } from './queries';
import { layoutToc, tocPageCount } from './toc-layout';

const FONT = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
/** One single-line row of the contents and the space after it, in points. */
const TOC_ROW_STEP = 18;
const TOC_INDENT = 16;
const tocLabelWidth = (indent: number) => 380 - indent * TOC_INDENT;

/** `zipNames` maps file ids to their path in the zip, so the index says where each file is. */
export function buildIndexPdf(a: Archive, t: Translator, now = new Date(), zipNames = new Map<string, string>()) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `${t('archive.pdf.title')} ${a.pairing.supporting} · ${a.pairing.assisted} ${a.year}` },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body');
  const h1 = (s: string) => doc.font('bold').fontSize(18).text(s).moveDown(0.5).font('body').fontSize(10.5);
  const h2 = (s: string) => doc.font('bold').fontSize(12.5).text(s).moveDown(0.2).font('body').fontSize(10.5);
  const para = (s: string) => doc.text(s.trim() ? s : t('archive.pdf.empty'), { align: 'left' }).moveDown(0.4);
  const pf = (k: MessageKey<'archive.pdf'>, v?: Record<string, string | number>) => t(`archive.pdf.${k}`, v);
  const activityLabel = (x: Archive['activities'][number]) => `${instantToZoned(x.startsAt, a.timeZone).date}  ${x.title}`;

  // Cover
  doc.moveDown(6).font('bold').fontSize(24).text(pf('title'), { align: 'center' }).moveDown(1);
  doc
    .font('body')
    .fontSize(14)
    .text(pf('subtitle', { supporting: a.pairing.supporting, assisted: a.pairing.assisted }), { align: 'center' })
    .moveDown(0.5);
  doc.text(pf('year', { year: a.year, next: a.year + 1 }), { align: 'center' }).moveDown(2);
  doc.fontSize(10).text(pf('generated', { date: `${instantToZoned(now, a.timeZone).date} ${instantToZoned(now, a.timeZone).time}` }), {
    align: 'center',
  });
  const c = a.completeness;
  doc
    .moveDown(2)
    .fontSize(11)
    .text(
      `${t('archive.completeness.done')} ${c.done} · ${t('archive.completeness.complete')} ${c.complete}${c.completePct != null ? ` (${c.completePct}%)` : ''} · ` +
        `${t('archive.completeness.confirmed')} ${c.confirmed} · ${t('archive.completeness.pending')} ${c.pending} · ${t('archive.completeness.disputed')} ${c.disputed}`,
      { align: 'center' },
    );

  // Contents: laid out now (the labels are known, and a long title wraps onto more lines), written
  // once the page numbers are known.
  const tocLabels = [
    { label: pf('annualPlan'), indent: 0 },
    ...(a.activities.length ? [{ label: t('archive.activities'), indent: 0 }] : []),
    ...a.activities.map((x) => ({ label: activityLabel(x), indent: 1 })),
    ...[pf('lessons'), pf('papers'), pf('mentoring'), pf('programmes')].map((label) => ({ label, indent: 0 })),
  ];
  const tocFirst = 1;
  doc.addPage();
  h1(pf('toc'));
  const tocRows = layoutToc(
    tocLabels.map((e) => doc.heightOfString(e.label, { width: tocLabelWidth(e.indent) })),
    {
      firstTop: doc.y,
      top: doc.page.margins.top,
      bottom: doc.page.height - doc.page.margins.bottom,
      gap: Math.max(0, TOC_ROW_STEP - doc.currentLineHeight(true)),
    },
  );
  const tocPages = tocPageCount(tocRows);
  for (let i = 1; i < tocPages; i++) doc.addPage();
  const toc: { label: string; page: number; indent: number }[] = [];
  const pageNow = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count; // 1-based

  // Annual plan
  doc.addPage();
  toc.push({ label: pf('annualPlan'), page: pageNow(), indent: 0 });
  h1(pf('annualPlan'));
  if (!a.plan) para(pf('noPlan'));
  else
    for (const k of ['content', 'goals', 'methods', 'steps', 'personnel', 'measures', 'summary'] as const) {
      h2(pf(`planParts.${k}`));
      para(a.plan[k]);
    }

  // Activities, one page each
  for (const x of a.activities) {
    doc.addPage();
    const when = instantToZoned(x.startsAt, a.timeZone);
    toc.push({ label: activityLabel(x), page: pageNow(), indent: 1 });
    h1(x.title);
    const facts: [string, string][] = [
      [pf('type'), t(`activities.types.${x.type}`)],
      [pf('date'), `${when.date} ${when.time}`],
      [pf('location'), x.location || '—'],
      [pf('direction'), t(`activities.directions.${x.direction}`)],
      [pf('classHours'), x.classHours == null ? '—' : String(x.classHours)],
      [pf('participants'), x.participants.map((p) => p.name).join('、') || '—'],
      ...(x.outsideExperts.length ? [[pf('experts'), x.outsideExperts.join('、')] as [string, string]] : []),
      [pf('confirmation'), x.status === 'DONE' ? t(`activities.confirmations.${x.confirmation}`) : t(`activities.statuses.${x.status}`)],
      // Entered after its period closed (decision 020): marked wherever it shows.
      ...(x.lateCorrection ? [[t('bulletins.late.column'), t(`bulletins.late.badge.${x.lateCorrection}`)] as [string, string]] : []),
    ];
    for (const [k, v] of facts) doc.font('bold').text(`${k}：`, { continued: true }).font('body').text(v);
    doc.moveDown(0.5);
    for (const part of ['plan', 'measures', 'record', 'summary'] as const) {
      h2(t(`archive.parts.${part}`));
      para(x[part]);
    }
    if (x.donationLines.length) {
      h2(pf('donation'));
      for (const l of x.donationLines) doc.text(`${l.item}  ${l.quantity} ${l.unit}  ¥${l.estimatedValue}`);
      doc.text(x.receiptConfirmedAt ? t('archive.received') : t('archive.notReceived'));
      doc.moveDown(0.4);
    }
    h2(pf('files'));
    para(x.evidence.length ? x.evidence.map((f) => zipNames.get(f.id) ?? f.originalName).join('\n') : pf('none'));
  }

  const lists: [string, string[]][] = [
    [
      pf('lessons'),
      a.lessons.map(
        (l) =>
          `${isoOf(l.heldOn)}  ${l.teacher.name} · ${l.className} · ${l.title}${l.rating ? ` · ${t(`teaching.ratings.${l.rating}`)}` : ''}`,
      ),
    ],
    [
      pf('papers'),
      a.papers.map(
        (p) =>
          `${isoOf(p.date)}  ${p.author.name} · ${p.title} · ${p.venue}${p.award ? ` · ${p.award}` : ''} · ${p.confirmedAt ? t('teaching.papers.confirmed') : t('teaching.papers.unconfirmed')}`,
      ),
    ],
    [
      pf('mentoring'),
      a.mentorPairs.map(
        (m) =>
          `${m.mentor.name} → ${m.apprentice.name} · ${t('archive.sessions', { count: m.sessions.length })}${m.sessions.length ? '\n    ' + m.sessions.map((s) => `${isoOf(s.heldOn)} ${s.topic}`).join('\n    ') : ''}`,
      ),
    ],
    [
      pf('programmes'),
      a.programmes.map(
        (p) =>
          `${p.title}\n${p.plan}${p.records.length ? '\n    ' + p.records.map((r) => `${isoOf(r.heldOn)} ${r.title}`).join('\n    ') : ''}${p.results ? `\n${p.results}` : ''}`,
      ),
    ],
  ];
  for (const [title, rows] of lists) {
    doc.addPage();
    toc.push({ label: title, page: pageNow(), indent: 0 });
    h1(title);
    if (!rows.length) para(pf('none'));
    for (const r of rows) doc.text(r).moveDown(0.3);
  }

  // Back to the reserved pages for the contents.
  const activityHeading = toc.findIndex((e) => e.indent === 1);
  if (activityHeading >= 0) toc.splice(activityHeading, 0, { label: t('archive.activities'), page: toc[activityHeading].page, indent: 0 });
  // In the order and font the rows were measured in.
  doc.font('body').fontSize(10.5);
  toc.forEach((e, i) => {
    const row = tocRows[i];
    doc.switchToPage(tocFirst + row.page);
    doc.text(e.label, doc.page.margins.left + e.indent * TOC_INDENT, row.y, { width: tocLabelWidth(e.indent) });
    doc.text(String(e.page), doc.page.width - doc.page.margins.right - 40, row.y, { width: 40, align: 'right' });
  });
  // Page numbers in the footer.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text(pf('page', { page: i + 1 }), 0, doc.page.height - 36, { align: 'center', width: doc.page.width, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return doc;
}
