import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { exifCaptureText, readCaptureText } from './capture-time';
import { parseCaptureText } from './fingerprint';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-03-10T04:00:00Z');

describe('capture time from EXIF', () => {
  it('takes the original date, else the digitised one, with the offset when recorded', () => {
    expect(exifCaptureText({ 36867: '2026:03:05 10:12:33' })).toBe('2026-03-05T10:12:33');
    expect(exifCaptureText({ 36868: '2026:03:04 09:00:00' })).toBe('2026-03-04T09:00:00');
    expect(exifCaptureText({ 36867: '2026:03:05 10:12:33', 36881: '+08:00' })).toBe('2026-03-05T10:12:33+08:00');
    expect(exifCaptureText({ 36867: '2026:03:05 10:12:33', 36881: 'local' })).toBe('2026-03-05T10:12:33');
    expect(exifCaptureText({ 36867: '    :  :     :  :  ' })).toBeNull();
    expect(exifCaptureText(undefined)).toBeNull();
  });

  it('reads it from a real JPEG, and nothing from one without EXIF or from a PNG', async () => {
    const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#6a4' } });
    const withExif = await base
      .clone()
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2026:03:05 10:12:33' } })
      .toBuffer();
    expect(await readCaptureText(new Uint8Array(withExif))).toBe('2026-03-05T10:12:33');
    expect(await readCaptureText(new Uint8Array(await base.clone().jpeg().toBuffer()))).toBeNull();
    expect(await readCaptureText(new Uint8Array(await base.clone().png().toBuffer()))).toBeNull();
  });
});

describe('believing a capture time', () => {
  it("reads a wall-clock time on the city's clock, and honours a recorded offset", () => {
    expect(parseCaptureText('2026-03-05T10:12:33', TZ, NOW)).toEqual(new Date('2026-03-05T02:12:33Z'));
    expect(parseCaptureText('2026-03-05T10:12', TZ, NOW)).toEqual(new Date('2026-03-05T02:12:00Z'));
    expect(parseCaptureText('2026-03-05T10:12:33+09:00', TZ, NOW)).toEqual(new Date('2026-03-05T01:12:33Z'));
    expect(parseCaptureText('2026-03-05T02:12:33Z', TZ, NOW)).toEqual(new Date('2026-03-05T02:12:33Z'));
  });

  it('drops what is malformed, before 2000 or in the future (beyond a day of clock slack)', () => {
    for (const bad of [
      '',
      'yesterday',
      '2026-02-30T10:00',
      '2026-03-05T24:00',
      '2026-03-05T10:60',
      '2026-03-05 10:00',
      42,
      null,
      'x'.repeat(80),
    ])
      expect(parseCaptureText(bad, TZ, NOW), String(bad)).toBeNull();
    expect(parseCaptureText('1999-12-31T23:59:59', TZ, NOW)).toBeNull();
    expect(parseCaptureText('2000-01-01T00:00:00', TZ, NOW)).toEqual(new Date('1999-12-31T16:00:00Z'));
    expect(parseCaptureText('2026-03-11T11:59', TZ, NOW)).not.toBeNull();
    expect(parseCaptureText('2026-03-11T12:01', TZ, NOW)).toBeNull();
  });
});
