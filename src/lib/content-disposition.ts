import { create } from 'content-disposition';

// Control characters and the bidirectional controls that can make `gnp.exe` read as `exe.png`.
const UNSAFE = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The Content-Disposition header of every download (files, archive, exports, templates). The
 * `content-disposition` package writes the RFC 6266 / 8187 form (it percent-encodes `'`, `(`, `*`,
 * which a hand-built `encodeURIComponent` leaves bare); the ASCII fallback is for old clients only.
 * Control and bidi-control characters never reach the saved file's name.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string, asciiFallback?: string) {
  const name = fileName.replace(UNSAFE, '_') || 'file';
  const fallback = (asciiFallback ?? name).replace(/[^\x20-\x7e]/g, '_');
  return create(name, { type, fallback });
}
