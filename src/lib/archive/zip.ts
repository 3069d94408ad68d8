/**
 * The archive as one streamed .zip: the index PDF first, then every evidence file, read one at a
 * time from storage straight into the zip stream (never the whole archive in memory).
 * Layout: 活动/2025-10/2025-10-12-<title>/photo-1.jpg, 课例/…, 论文/…, 专题项目/…
 */
import { once } from 'node:events';
import { ZipArchive } from 'archiver';
import type { MessageKey, Translator } from '@/i18n/translator';
import type { FileStorage } from '@/lib/storage';
import { instantToZoned } from '@/lib/time/zoned';
import { isoOf } from '@/lib/time/date-only';
import { safeSegment } from '@/lib/evidence/names';
import { buildIndexPdf } from './index-pdf';
import type { Archive } from './queries';

type EvidenceRef = { id: string; kind: 'PHOTO' | 'DOCUMENT'; originalName: string; mimeType: string; storageKey: string };

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** Where each file goes inside the zip; names are unique and built from the records, not trusted input paths. */
export function archiveEntries(a: Archive, t: Translator) {
  const f = (k: MessageKey<'archive.folders'>) => t(`archive.folders.${k}`);
  const out: { name: string; file: EvidenceRef }[] = [];
  const place = (folder: string, files: EvidenceRef[]) => {
    let photo = 0;
    const used = new Set<string>();
    for (const file of files) {
      const ext = EXT[file.mimeType] ?? 'bin';
      let name: string;
      if (file.kind === 'PHOTO') name = `${f('photo')}-${++photo}.${ext}`;
      else {
        const base = safeSegment(file.originalName.replace(/\.[a-z0-9]{1,5}$/i, ''), 60);
        name = `${base}.${ext}`;
        for (let i = 2; used.has(name); i++) name = `${base}-${i}.${ext}`;
      }
      used.add(name);
      out.push({ name: `${folder}/${name}`, file });
    }
  };
  if (a.plan) place(f('annualPlan'), a.plan.evidence);
  for (const x of a.activities) {
    const date = instantToZoned(x.startsAt, a.timeZone).date;
    place(`${f('activities')}/${x.month}/${date}-${safeSegment(x.title, 40)}-${x.id.slice(-4)}`, x.evidence);
  }
  for (const l of a.lessons)
    place(
      `${f('lessons')}/${isoOf(l.heldOn)}-${safeSegment(l.teacher.name, 20)}-${safeSegment(l.title, 40)}-${l.id.slice(-4)}`,
      l.evidence,
    );
  for (const p of a.papers) place(`${f('papers')}/${isoOf(p.date)}-${safeSegment(p.title, 40)}-${p.id.slice(-4)}`, p.evidence);
  for (const p of a.programmes) place(`${f('programmes')}/${safeSegment(p.title, 40)}-${p.id.slice(-4)}`, p.evidence);
  return out;
}

export function streamArchiveZip(a: Archive, t: Translator, storage: FileStorage, now = new Date()) {
  // Photos and Office files are already compressed: storing them saves CPU on a small server.
  const zip = new ZipArchive({ zlib: { level: 1 }, store: false });
  const entries = archiveEntries(a, t);
  void (async () => {
    try {
      zip.append(buildIndexPdf(a, t, now, new Map(entries.map((e) => [e.file.id, e.name]))), {
        name: t('archive.folders.index'),
        date: now,
      });
      await once(zip, 'entry');
      for (const e of entries) {
        // One source stream at a time: the next file is opened only after the previous one is in the zip.
        const source = await storage.read(e.file.storageKey).catch(() => null);
        if (!source) continue; // a missing blob must not break the inspector's download
        zip.append(source, { name: e.name, date: now, store: e.file.kind === 'PHOTO' });
        await once(zip, 'entry');
      }
      await zip.finalize();
    } catch (error) {
      zip.destroy(error as Error);
    }
  })();
  return zip;
}
