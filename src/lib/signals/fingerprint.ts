/**
 * What the server keeps about a photo to find it again (decision 019): a 64-bit perceptual hash made
 * with sharp-phash (DCT of a 32×32 greyscale copy; the same picture re-encoded, resized or sent from
 * another phone hashes within a few bits), and the capture time from EXIF. Used by the upload, the
 * backfill (`npm run evidence:fingerprint`) and the demo seed, so it carries no 'server-only' mark;
 * it needs Node (sharp).
 */
import { open } from 'node:fs/promises';
import phash from 'sharp-phash';
import { isCalendarDate } from '@/lib/schema-fields';
import { zonedToInstant } from '@/lib/time/zoned';
import { bitsToHex } from './rules';
import { readCaptureText } from './capture-time';

/** The 16 hex digits of a photo's perceptual hash, or null when the bytes are not a picture sharp can read. */
export async function perceptualHash(input: Buffer | string): Promise<string | null> {
  try {
    // failOn 'none': a phone's slightly damaged JPEG still shows, so it still hashes.
    return bitsToHex(await phash(input, { failOn: 'none' }));
  } catch {
    return null;
  }
}

/** EXIF sits at the start of a JPEG: the first 256 KB hold it. */
const EXIF_HEAD_BYTES = 256 * 1024;

async function head(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(EXIF_HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, EXIF_HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export const EARLIEST_CAPTURE = '2000-01-01';
/** Camera clocks run fast and phones cross zones: a capture up to a day after the upload is believed. */
export const CAPTURE_CLOCK_SLACK_MS = 86_400_000;

const CAPTURE_TEXT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The instant a capture time stands for: with the camera's offset when it recorded one, otherwise
 * on the city's wall clock (where the photos are taken). Null for anything malformed, before 2000
 * (cameras reset to 2000-01-01 or earlier when their battery dies) or after `now` plus a day: such a
 * date is dropped, never a reason to refuse the photo.
 */
export function parseCaptureText(text: unknown, timeZone: string, now: Date): Date | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const m = CAPTURE_TEXT.exec(text.trim());
  if (!m || !isCalendarDate(m[1])) return null;
  const [hh, mm, ss] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const time = `${m[2]}:${m[3]}`;
  const instant = m[5]
    ? new Date(`${m[1]}T${time}:${String(ss).padStart(2, '0')}${m[5] === 'Z' ? 'Z' : m[5]}`)
    : new Date(zonedToInstant(m[1], time, timeZone).getTime() + ss * 1000);
  if (Number.isNaN(instant.getTime())) return null;
  if (instant < zonedToInstant(EARLIEST_CAPTURE, '00:00', timeZone)) return null;
  if (instant.getTime() > now.getTime() + CAPTURE_CLOCK_SLACK_MS) return null;
  return instant;
}

/**
 * A photo's hash and capture time. The file's own EXIF wins; photos scaled in the browser have none
 * left, so the capture time the browser read from the original before scaling is used instead.
 */
export async function fingerprintPhoto(
  input: Buffer | string,
  { clientCaptureText, timeZone, now = new Date() }: { clientCaptureText?: string | null; timeZone: string; now?: Date },
): Promise<{ phash: string | null; capturedAt: Date | null }> {
  const bytes = typeof input === 'string' ? await head(input) : input;
  const [hash, fromFile] = await Promise.all([perceptualHash(input), readCaptureText(new Uint8Array(bytes))]);
  const capturedAt = parseCaptureText(fromFile, timeZone, now) ?? parseCaptureText(clientCaptureText, timeZone, now);
  return { phash: hash, capturedAt };
}
