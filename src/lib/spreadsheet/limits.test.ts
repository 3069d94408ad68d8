import { describe, expect, it } from 'vitest';
import nextConfig from '../../../next.config';
import { fileTooLarge, MAX_FILE_BYTES } from './limits';

const MiB = 1024 * 1024;
/** What Next's `bytes`-style limit strings mean: 'mb' is 1024 × 1024. */
const parseLimit = (s: string) => {
  const m = /^([\d.]+)\s*(kb|mb)$/i.exec(s);
  if (!m) throw new Error(`unexpected limit ${s}`);
  return Number(m[1]) * (m[2].toLowerCase() === 'mb' ? MiB : 1024);
};

describe('import file size', () => {
  it('the browser refuses a 9 MB file before sending it; 5 MB is fine', () => {
    expect(fileTooLarge(9 * MiB)).toBe(true);
    expect(fileTooLarge(MAX_FILE_BYTES + 1)).toBe(true);
    expect(fileTooLarge(MAX_FILE_BYTES)).toBe(false);
  });

  it('a 9 MB file sent anyway (no script, a replay) reaches the server’s "at most 5 MB", not the error page', () => {
    const limit = parseLimit(String(nextConfig.experimental?.serverActions?.bodySizeLimit));
    // 9 MiB of file plus the multipart envelope must fit the server actions' body limit …
    expect(limit).toBeGreaterThan(9 * MiB + 64 * 1024);
    // … and the limit must stay under the proxy's 10 MB, past which a body is cut, not refused.
    expect(limit).toBeLessThan(10 * MiB);
  });
});
