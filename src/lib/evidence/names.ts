/**
 * A file's name as it is stored and downloaded: it ends in the extension of the type its bytes
 * were found to be, so `report.pdf.html` holding a PDF downloads as `report.pdf.html.pdf` and no
 * browser opens it from disk as a page. The extension is added, never swapped for the last one:
 * what was typed stays readable (`v1.2` is not a type), and the real type is what the name ends in.
 */
export function downloadName(name: string, ext: string) {
  const last = name.match(/\.([^.]+)$/)?.[1]?.toLowerCase();
  const same = last === ext || (ext === 'jpg' && last === 'jpeg');
  return same ? name : `${name}.${ext}`;
}

/** A name safe as one path segment inside a zip: no slashes, no control characters, not too long. */
export function safeSegment(name: string, max = 60) {
  const cleaned = name
    .replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || '_').slice(0, max);
}
