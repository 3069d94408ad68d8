// A minimal gzip'd ustar writer and reader for `npm run backup` / `npm run restore`.
// Hand-written rather than `tar` or archiver because a base backup copies files that PostgreSQL is
// still writing: the size is fixed from stat() when the copy of a file starts, a file that shrinks
// meanwhile is padded, one that grows is cut (WAL replay repairs both, as the PostgreSQL docs allow),
// and every byte written is hashed on the way so the manifest's checksums describe the archive itself.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
const CHUNK = 1024 * 1024;
const MAX_SIZE = 8 ** 11 - 1; // an 11-digit octal size field: 8 GiB

function octal(n, width) {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** ustar splits a long path into prefix (155) and name (100) at a slash. */
function splitName(name) {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new Error(`path too long for the backup archive: ${name}`);
}

function header(name, { size = 0, type = '0', mode = 0o600, mtime = Date.now() / 1000 } = {}) {
  if (size > MAX_SIZE) throw new Error(`file too large for the backup archive: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  h.write(base, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 8, 'ascii');
  h.write(octal(0, 8), 108, 8, 'ascii');
  h.write(octal(0, 8), 116, 8, 'ascii');
  h.write(octal(size, 12), 124, 12, 'ascii');
  h.write(octal(Math.floor(mtime), 12), 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii');
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 8, 'ascii');
  return h;
}

export class TarWriter {
  /** @param {string} file the .tar.gz to create; refuses to overwrite */
  constructor(file) {
    this.gzip = createGzip({ level: 6 });
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.gzip.pipe(this.out);
    this.failed = null;
    const fail = (e) => (this.failed ??= e);
    this.gzip.on('error', fail);
    this.out.on('error', fail);
  }
  async write(buf) {
    if (this.failed) throw this.failed;
    if (!this.gzip.write(buf)) await once(this.gzip, 'drain');
  }
  async pad(size) {
    const rest = size % BLOCK;
    if (rest) await this.write(Buffer.alloc(BLOCK - rest));
  }
  async addDir(name) {
    await this.write(header(name.endsWith('/') ? name : name + '/', { type: '5', mode: 0o700 }));
  }
  /** @returns {{ size: number, sha256: string }} */
  async addBuffer(name, buf, mode = 0o600) {
    await this.write(header(name, { size: buf.length, mode }));
    await this.write(buf);
    await this.pad(buf.length);
    return { size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
  }
  /**
   * Copies `source` as it is at this moment. Returns null when the file vanished before it was
   * opened (a table dropped during the backup, an upload removed), else its size and checksum.
   */
  async addFile(name, source) {
    let fh;
    try {
      fh = await open(source, 'r');
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
    try {
      const st = await fh.stat();
      const size = st.size;
      await this.write(header(name, { size, mode: st.mode & 0o777, mtime: st.mtimeMs / 1000 }));
      const hash = createHash('sha256');
      let done = 0;
      while (done < size) {
        const buf = Buffer.alloc(Math.min(CHUNK, size - done));
        const { bytesRead } = await fh.read(buf, 0, buf.length, done);
        // Shrunk while we read: the rest stays zero-filled, the size announced in the header holds.
        const chunk = bytesRead === 0 ? buf : buf.subarray(0, bytesRead);
        hash.update(chunk);
        await this.write(chunk);
        done += chunk.length;
      }
      await this.pad(size);
      return { size, sha256: hash.digest('hex') };
    } finally {
      await fh.close();
    }
  }
  async finish() {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await once(this.out, 'close');
    if (this.failed) throw this.failed;
  }
}

function readOctal(buf, start, len) {
  const s = buf
    .toString('ascii', start, start + len)
    .replace(/\0.*$/, '')
    .trim();
  return s ? parseInt(s, 8) : 0;
}

/**
 * Reads a .tar.gz written by TarWriter. For each entry, `place(name, type)` answers the absolute
 * path to write it to, or null to keep a regular file in memory (returned in `kept`). Every regular
 * file's size and SHA-256 as read are returned in `entries`.
 */
export async function extract(file, place) {
  const entries = {};
  const kept = {};
  let buffered = Buffer.alloc(0);
  let current = null; // { name, remaining, padding, hash, out | chunks }
  let ended = false;

  const startEntry = async (h) => {
    const sum = readOctal(h, 148, 8);
    const copy = Buffer.from(h);
    copy.fill(0x20, 148, 156);
    let actual = 0;
    for (const b of copy) actual += b;
    if (sum !== actual) throw new Error('the backup archive is damaged (a header checksum does not match)');
    const base = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const prefix = h.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const name = prefix ? `${prefix}/${base}` : base;
    if (name.split('/').includes('..') || path.isAbsolute(name)) throw new Error(`unsafe path in the backup archive: ${name}`);
    const type = String.fromCharCode(h[156]) || '0';
    const size = readOctal(h, 124, 12);
    const mode = readOctal(h, 100, 8) & 0o777;
    if (type === '5') {
      const target = place(name, 'dir');
      if (target) await mkdir(target, { recursive: true, mode: 0o700 });
      return null;
    }
    if (type !== '0' && type !== '\0') throw new Error(`unexpected entry type ${type} in the backup archive: ${name}`);
    const target = place(name, 'file');
    const entry = { name, remaining: size, padding: (BLOCK - (size % BLOCK)) % BLOCK, size, hash: createHash('sha256') };
    if (target) {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      entry.out = createWriteStream(target, { flags: 'wx', mode: mode || 0o600 });
    } else entry.chunks = [];
    return entry;
  };

  const finishEntry = async (e) => {
    entries[e.name] = { size: e.size, sha256: e.hash.digest('hex') };
    if (e.out) {
      e.out.end();
      await once(e.out, 'close');
    } else kept[e.name] = Buffer.concat(e.chunks);
  };

  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (!ended) {
      if (current && current.remaining > 0) {
        if (!buffered.length) break;
        const part = buffered.subarray(0, Math.min(current.remaining, buffered.length));
        buffered = buffered.subarray(part.length);
        current.remaining -= part.length;
        current.hash.update(part);
        if (current.out) {
          if (!current.out.write(part)) await once(current.out, 'drain');
        } else current.chunks.push(Buffer.from(part));
        continue;
      }
      if (current) {
        if (buffered.length < current.padding) break;
        buffered = buffered.subarray(current.padding);
        await finishEntry(current);
        current = null;
      }
      if (buffered.length < BLOCK) break;
      const h = buffered.subarray(0, BLOCK);
      buffered = buffered.subarray(BLOCK);
      if (h.every((b) => b === 0)) {
        ended = true;
        break;
      }
      current = await startEntry(h);
    }
  }
  if (current || !ended) throw new Error('the backup archive is incomplete (cut short)');
  return { entries, kept };
}
