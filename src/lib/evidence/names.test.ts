import { describe, expect, it } from 'vitest';
import { downloadName } from './names';

describe('downloadName', () => {
  it('ends in the detected type: the extension is added, never swapped, and kept when it already matches', () => {
    expect(downloadName('report.pdf.html', 'pdf')).toBe('report.pdf.html.pdf');
    expect(downloadName('教案', 'pdf')).toBe('教案.pdf');
    expect(downloadName('方案 v1.2', 'docx')).toBe('方案 v1.2.docx');
    expect(downloadName('方案.PDF', 'pdf')).toBe('方案.PDF');
    expect(downloadName('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(downloadName('photo.png', 'jpg')).toBe('photo.png.jpg');
  });
});
