import path from 'node:path';
import type PDFDocument from 'pdfkit';

// Noto Sans SC from node_modules: PDFs render the same on every server, with no OS fonts installed.
const FONT = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** Registers 'body' and 'bold' and selects 'body'. */
export function registerChineseFonts(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>) {
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body');
}
