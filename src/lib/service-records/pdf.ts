import PDFDocument from 'pdfkit';
import type { Translator } from '@/i18n/translator';
import { registerChineseFonts } from '@/lib/pdf/chinese-fonts';
import type { ServiceRecord } from './queries';
import { formatCode } from './code';
import { countyName } from './county';

/** The printed record: its lines in the reader's words, and on every page the code that verifies it. */
export function buildServiceRecordPdf(
  print: { code: string; printedOn: string; record: ServiceRecord },
  t: Translator<'serviceRecords'>,
  locale: string,
  verifyUrl: string,
): Promise<Buffer> {
  const r = print.record;
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: `${t('pdf.title')} ${r.person.name}` } });
  registerChineseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const h2 = (s: string) => doc.moveDown(0.8).font('bold').fontSize(12.5).text(s).moveDown(0.2).font('body').fontSize(10.5);
  const line = (s: string) => doc.text(s).moveDown(0.15);

  doc.font('bold').fontSize(18).text(t('pdf.title'), { align: 'center' }).moveDown(0.8);
  doc.font('body').fontSize(11);
  line(`${r.person.name} · ${t(`role.${r.person.role === 'DIRECTOR' ? 'DIRECTOR' : 'TEACHER'}`)}`);
  line(`${t('kindergarten')}：${r.person.kindergarten ?? '—'}　${t('county')}：${countyName(r.person, locale) ?? '—'}`);
  line(t('asOf', { date: r.asOf }));
  doc.fontSize(9.5).fillColor('#444').text(t('intro')).fillColor('black').fontSize(10.5);

  h2(t('cycles'));
  if (r.cycles.length === 0) line(t('noCycles'));
  for (const c of r.cycles) {
    doc.font('bold').text(c.name).font('body');
    line(
      [
        `${t('classHoursSent')} ${c.classHoursSent}`,
        `${t('sentActivities')} ${c.sentActivities}`,
        `${t('followUpHosted')} ${c.followUpHosted}`,
        `${t('followUpAttended')} ${c.followUpAttended}`,
        `${t('postings')} ${c.postings}`,
        `${t('otherActivities')} ${c.otherActivities}`,
      ].join('；'),
    );
  }
  h2(t('mentoring'));
  if (r.mentoring.length === 0) line(t('noMentoring'));
  for (const m of r.mentoring)
    line(t('mentorLine', { role: t(`as.${m.as}`), other: m.other, from: m.startsOn, to: m.endsOn ?? t('ongoing'), sessions: m.sessions }));
  h2(t('lessons'));
  const l = r.lessons;
  line(t('lessonsLine', { total: l.total, excellent: l.EXCELLENT, good: l.GOOD, pass: l.PASS, fail: l.FAIL, unrated: l.unrated }));
  h2(t('papers'));
  if (r.papers.length === 0) line(t('noPapers'));
  for (const p of r.papers)
    line(
      t('paperLine', { date: p.date, title: p.title, venue: p.venue, level: t(`level.${p.level}`), award: p.award ? ` ${p.award}` : '' }),
    );
  h2(t('commendations'));
  if (r.commendations.length === 0) line(t('noCommendations'));
  for (const c of r.commendations) line(t('commendationLine', c));

  // The code on every page: a page on its own can still be checked.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - 40;
    doc
      .fontSize(9)
      .fillColor('#333')
      .text(
        `${t('pdf.printedOn', { date: print.printedOn })}　${t('pdf.verifyLine', { code: formatCode(print.code), url: verifyUrl })}`,
        56,
        bottom,
        {
          width: doc.page.width - 112,
          align: 'center',
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}
