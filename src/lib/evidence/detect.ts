/**
 * What a file is, decided by its bytes (magic numbers), never by its name or the browser's claim.
 * Photos: JPEG, PNG, WebP. Documents: PDF, Word, Excel, PowerPoint (OOXML checked by its parts,
 * legacy Office by the compound-file signature and the name's extension).
 */
import { fileTypeFromFile } from 'file-type';
import { open } from 'node:fs/promises';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The largest upload read at all: anything longer is cut off and refused. */
export const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES;

export type Detected = { kind: 'PHOTO' | 'DOCUMENT'; mimeType: string; ext: string };
/** Message keys under evidence.errors. */
export type Refusal = 'notAllowedType' | 'heic' | 'tooLarge' | 'photoTooLarge' | 'empty';

const PHOTOS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const OOXML: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};
const LEGACY: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

/** The extension of a stored type, for the download name of files stored before names were made to end in it. */
export function extensionOf(mimeType: string): string | null {
  const legacy = Object.entries(LEGACY).find(([, mime]) => mime === mimeType)?.[0];
  return PHOTOS[mimeType] ?? OOXML[mimeType] ?? legacy ?? (mimeType === 'application/pdf' ? 'pdf' : null);
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function head(file: string, n: number) {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function detectFile(file: string, size: number, originalName: string): Promise<Detected | { refused: Refusal }> {
  if (size === 0) return { refused: 'empty' };
  if (size > MAX_UPLOAD_BYTES) return { refused: 'tooLarge' };
  const type = await fileTypeFromFile(file);
  if (type && PHOTOS[type.mime]) {
    if (size > MAX_PHOTO_BYTES) return { refused: 'photoTooLarge' };
    return { kind: 'PHOTO', mimeType: type.mime, ext: PHOTOS[type.mime] };
  }
  if (type && (type.mime === 'image/heic' || type.mime === 'image/heif' || type.ext === 'heic')) return { refused: 'heic' };
  if (type?.mime === 'application/pdf') return { kind: 'DOCUMENT', mimeType: type.mime, ext: 'pdf' };
  // file-type names OOXML only after finding its parts ([Content_Types].xml, word/…, xl/…, ppt/…).
  if (type && OOXML[type.mime]) return { kind: 'DOCUMENT', mimeType: type.mime, ext: OOXML[type.mime] };
  if (type?.ext === 'cfb' || (await head(file, 8)).equals(CFB_SIGNATURE)) {
    const ext = originalName.toLowerCase().match(/\.(doc|xls|ppt)$/)?.[1];
    if (ext && (await head(file, 8)).equals(CFB_SIGNATURE)) return { kind: 'DOCUMENT', mimeType: LEGACY[ext], ext };
  }
  return { refused: 'notAllowedType' };
}
