/**
 * A photo's capture time from its EXIF block, read where the original file is: in the browser
 * before the photo is scaled (the canvas the scaling draws on keeps no EXIF), and on the server for
 * files that arrive unscaled. The result is the camera's wall clock as text, with its offset when the
 * camera recorded one; the server decides what instant that is and whether to believe it
 * (./fingerprint.ts, decision 019). Loaded on demand: exifr stays out of every page's first load.
 */

/** EXIF tag numbers (exifr's smallest build has no tag names). */
export const EXIF_TAGS = { DateTimeOriginal: 36867, CreateDate: 36868, OffsetTimeOriginal: 36881 } as const;

export const EXIF_OPTIONS = {
  ifd0: false,
  ifd1: false,
  gps: false,
  interop: false,
  exif: [EXIF_TAGS.DateTimeOriginal, EXIF_TAGS.CreateDate, EXIF_TAGS.OffsetTimeOriginal],
  reviveValues: false,
  translateKeys: false,
  translateValues: false,
};

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** EXIF's '2026:03:05 10:12:33' (and '+08:00' when recorded) → '2026-03-05T10:12:33[+08:00]'. */
export function exifCaptureText(tags: Record<string, unknown> | undefined | null): string | null {
  if (!tags) return null;
  const raw = tags[EXIF_TAGS.DateTimeOriginal] ?? tags[EXIF_TAGS.CreateDate];
  const m = typeof raw === 'string' ? EXIF_DATE.exec(raw.trim()) : null;
  if (!m) return null;
  const offset = tags[EXIF_TAGS.OffsetTimeOriginal];
  const zone = typeof offset === 'string' && OFFSET.test(offset.trim()) ? offset.trim() : '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

/** The capture time of a JPEG (a File in the browser, bytes on the server), or null: other types, no EXIF, unreadable. */
export async function readCaptureText(input: Blob | Uint8Array): Promise<string | null> {
  try {
    const { default: exifr } = await import('exifr/dist/mini.esm.mjs');
    return exifCaptureText(await exifr.parse(input, EXIF_OPTIONS));
  } catch {
    return null;
  }
}
