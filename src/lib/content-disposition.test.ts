import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it("encodes a name with ', spaces, Chinese characters and quotes so that it reads back unchanged", () => {
    const name = `张老师's "送教" 教案 2026.pdf`;
    const header = contentDisposition('attachment', name);
    // RFC 8187's attr-char has no `'`: left bare it ends the charset'language'value prefix early.
    expect(header).toContain("filename*=UTF-8''%E5%BC%A0%E8%80%81%E5%B8%88%27s%20%22%E9%80%81%E6%95%99%22");
    const ext = header.match(/filename\*=UTF-8''(\S+)/)![1];
    expect(ext).not.toMatch(/['"\s]/);
    expect(parse(header).parameters.filename).toBe(name);
    // The fallback is plain ASCII in a quoted string, its quotes escaped.
    expect(header).toMatch(/^attachment; filename="___'s \\"__\\" __ 2026\.pdf"; filename\*=/);
  });

  it('keeps an ASCII name as it is, and uses the given fallback beside a Chinese name', () => {
    expect(contentDisposition('inline', 'photo 1.jpg')).toBe('inline; filename="photo 1.jpg"');
    expect(parse(contentDisposition('attachment', '幼儿园-2026.xlsx', 'kindergartens-2026.xlsx')).parameters.filename).toBe(
      '幼儿园-2026.xlsx',
    );
    expect(contentDisposition('attachment', '幼儿园.xlsx', 'kindergartens.xlsx')).toMatch(
      /^attachment; filename="?kindergartens\.xlsx"?; filename\*=/,
    );
  });

  it('drops control and bidi-override characters and never leaves the name empty', () => {
    const header = contentDisposition('attachment', 'a\nb\u202egnp.exe');
    expect(parse(header).parameters.filename).toBe('a_b_gnp.exe');
    expect(header).not.toMatch(/[\n\u202e]/);
    expect(parse(contentDisposition('attachment', '')).parameters.filename).toBe('file');
  });
});
