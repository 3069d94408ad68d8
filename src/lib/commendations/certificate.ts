import PDFDocument from 'pdfkit';
import type { Translator } from '@/i18n/translator';
import { registerChineseFonts } from '@/lib/pdf/chinese-fonts';

/** A certificate of honour (荣誉证书), landscape A4, in the words of the catalogue. */
export function buildCertificatePdf(
  c: { name: string; detail: string; category: string; cycle: string; city: string; date: string },
  t: Translator<'commendations.certificateText'>,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 72, info: { Title: `${t('title')} ${c.name}` } });
  registerChineseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 144;
  doc
    .rect(36, 36, doc.page.width - 72, doc.page.height - 72)
    .lineWidth(3)
    .strokeColor('#b45309')
    .stroke();
  doc.moveDown(2).font('bold').fontSize(40).fillColor('#b91c1c').text(t('title'), 72, 110, { width, align: 'center' });
  doc.moveDown(1.2).font('body').fontSize(20).fillColor('black');
  doc.text(t('line', { name: c.detail ? `${c.name}（${c.detail}）` : c.name }), { width });
  doc.moveDown(0.6).text(`　　${t('body', { cycle: c.cycle, category: c.category })}`, { width, lineGap: 8 });
  doc
    .moveDown(2)
    .fontSize(18)
    .text(t('issuer', { city: c.city }), { width, align: 'right' });
  doc.moveDown(0.3).text(c.date, { width, align: 'right' });
  doc.end();
  return done;
}
