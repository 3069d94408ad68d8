/** A Content-Disposition header that keeps Chinese file names (RFC 6266 / 5987) with an ASCII fallback. */
export function contentDisposition(type: 'inline' | 'attachment', name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A name safe as one path segment inside a zip: no slashes, no control characters, not too long. */
export function safeSegment(name: string, max = 60) {
  const cleaned = name
    .replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || '_').slice(0, max);
}
