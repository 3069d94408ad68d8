'use client';
import { useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from '@/components/intl/client-translations';
import { deleteEvidenceAction } from '@/lib/evidence/actions';
import { IDLE } from '@/lib/action-state';
import { readCaptureText } from '@/lib/signals/capture-time';
import { isPhotoFile, scalePhoto } from './scale-photo';
import { newKey } from '@/components/offline/new-key';

export type PanelItem = {
  id: string;
  name: string;
  kind: 'PHOTO' | 'DOCUMENT';
  size: number;
  createdAt: string;
  uploadedBy: string;
  canDelete: boolean;
  duplicate?: string;
};

type Job = {
  key: string;
  /** Sent with every attempt: a retry after a lost answer stores the file once (src/lib/idempotency.ts). */
  uploadKey: string;
  file: File;
  state: 'preparing' | 'queued' | 'uploading' | 'done' | 'failed';
  progress: number;
  error?: string;
  preview?: string;
};

/**
 * Photos and documents of one record. Each chosen file is its own job: photos are scaled on the
 * phone first, then sent with XMLHttpRequest so the bar shows real upload progress. A failed job
 * keeps its File for "Retry"; nothing else on the page is touched.
 */
export function EvidencePanel({
  target,
  recordId,
  items,
  canAttach,
  hideEmpty = false,
}: {
  target: string;
  recordId: string;
  items: PanelItem[];
  canAttach: boolean;
  /** Where the page already says nothing is attached (the papers list), the panel does not repeat it. */
  hideEmpty?: boolean;
}) {
  const t = useTranslations('evidence');
  const format = useFormatter();
  const router = useRouter();
  const [jobs, setJobs] = useState<Job[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const patch = (key: string, p: Partial<Job>) => setJobs((js) => js.map((j) => (j.key === key ? { ...j, ...p } : j)));

  async function run(job: Job) {
    let body: Blob = job.file;
    let name = job.file.name;
    let capturedAt: string | null = null;
    if (isPhotoFile(job.file)) {
      patch(job.key, { state: 'preparing', error: undefined, progress: 0 });
      try {
        // Scaling on a canvas drops EXIF: the capture time is read from the original first (decision 019).
        capturedAt = await readCaptureText(job.file);
        body = await scalePhoto(job.file);
        name = name.replace(/\.(png|webp|jpe?g)$/i, '') + '.jpg';
      } catch {
        patch(job.key, { state: 'failed', error: t('errors.imageDecode') });
        return;
      }
    }
    patch(job.key, { state: 'uploading', progress: 0, error: undefined });
    const url =
      `/api/files?target=${encodeURIComponent(target)}&id=${encodeURIComponent(recordId)}&name=${encodeURIComponent(name)}` +
      (capturedAt ? `&capturedAt=${encodeURIComponent(capturedAt)}` : '') +
      `&key=${job.uploadKey}`;
    const result = await new Promise<{ ok: boolean; error?: string; id?: string }>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) patch(job.key, { progress: e.loaded / e.total });
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, id: (JSON.parse(xhr.responseText) as { id: string }).id });
        else {
          let msg = '';
          try {
            msg = (JSON.parse(xhr.responseText) as { error?: string }).error ?? '';
          } catch {
            /* not JSON: a proxy's error page */
          }
          // A proxy in between answers in its own words: say it in ours.
          resolve({ ok: false, error: msg || (xhr.status === 413 ? t('errors.tooLarge') : t('errors.server', { status: xhr.status })) });
        }
      };
      xhr.onerror = () => resolve({ ok: false, error: t('networkError') });
      xhr.ontimeout = xhr.onerror;
      xhr.send(body);
    });
    if (result.ok) {
      // A small preview for lists on slow connections; the photo is saved whether or not this works.
      if (isPhotoFile(job.file) && result.id) {
        try {
          const thumb = await scalePhoto(job.file, 320, 0.7);
          await fetch(`/api/files/${encodeURIComponent(result.id)}/thumbnail`, {
            method: 'POST',
            body: thumb,
            headers: { 'Content-Type': 'application/octet-stream' },
          });
        } catch {
          /* the full photo serves as its own preview */
        }
      }
      patch(job.key, { state: 'done', progress: 1 });
      router.refresh();
    } else patch(job.key, { state: 'failed', error: result.error });
  }

  async function choose(files: FileList | null) {
    if (!files?.length) return;
    const fresh: Job[] = [...files].map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      uploadKey: newKey(),
      file,
      state: 'queued',
      progress: 0,
      preview: isPhotoFile(file) ? URL.createObjectURL(file) : undefined,
    }));
    setJobs((js) => [...js.filter((j) => j.state !== 'done'), ...fresh]);
    if (input.current) input.current.value = '';
    // One at a time: on a weak link parallel uploads only make each other fail.
    for (const job of fresh) await run(job);
  }

  const photos = items.filter((i) => i.kind === 'PHOTO');
  const docs = items.filter((i) => i.kind === 'DOCUMENT');
  return (
    <div className="flex flex-col gap-3" data-testid="evidence-panel">
      {items.length === 0 && jobs.length === 0 && !hideEmpty && <p className="text-sm text-stone-600">{t('none')}</p>}
      {photos.length > 0 && (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label={t('photos')}>
          {photos.map((p) => (
            <li key={p.id} className="relative">
              <a href={`/api/files/${p.id}`} target="_blank" rel="noopener" className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by the scoped file route, not next/image */}
                <img
                  src={`/api/files/${p.id}?size=thumb`}
                  alt={p.name}
                  loading="lazy"
                  className={`aspect-square w-full rounded border object-cover ${p.duplicate ? 'border-2 border-amber-600' : 'border-stone-200'}`}
                  data-testid="evidence-thumb"
                />
              </a>
              {p.duplicate && (
                <span className="absolute left-1 top-1 rounded bg-amber-600 px-1 text-xs text-white" title={p.duplicate}>
                  {t('duplicateBadge')}
                </span>
              )}
              {p.canDelete && <RemoveButton id={p.id} compact />}
            </li>
          ))}
        </ul>
      )}
      {docs.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label={t('documents')}>
          {docs.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 px-2 py-1 text-sm">
              <a href={`/api/files/${d.id}`} className="min-h-8 break-all text-brand-800 underline">
                {d.name}
              </a>
              <span className="text-xs text-stone-600">
                {d.size < 1024 * 1024
                  ? `${format.number(Math.max(1, Math.round(d.size / 1024)))} KB`
                  : `${format.number(d.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB`}{' '}
                · {d.uploadedBy}
              </span>
              {d.canDelete && <RemoveButton id={d.id} />}
            </li>
          ))}
        </ul>
      )}
      {jobs.length > 0 && (
        <ul className="flex flex-col gap-2">
          {jobs.map((j) => (
            <li
              key={j.key}
              className="flex items-center gap-2 rounded border border-stone-200 p-2 text-sm"
              data-testid="upload-job"
              data-state={j.state}
            >
              {j.preview ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview
                <img src={j.preview} alt="" className="size-10 shrink-0 rounded object-cover" />
              ) : (
                <span className="size-10 shrink-0 rounded bg-stone-100" />
              )}
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <span className="truncate">{j.file.name}</span>
                {j.state === 'failed' ? (
                  <span role="alert" className="text-red-800">
                    {t('failed', { reason: j.error ?? '' })}
                  </span>
                ) : (
                  <>
                    <progress
                      className="h-2 w-full accent-brand-700"
                      max={1}
                      value={j.state === 'preparing' || j.state === 'queued' ? undefined : j.progress}
                      aria-label={t('uploading', { name: j.file.name })}
                    />
                    <span className="text-xs text-stone-600">
                      {j.state === 'preparing'
                        ? t('preparing')
                        : j.state === 'queued'
                          ? t('queued')
                          : j.state === 'done'
                            ? t('uploaded')
                            : `${Math.round(j.progress * 100)}%`}
                    </span>
                  </>
                )}
              </div>
              {j.state === 'failed' && (
                <button type="button" onClick={() => run(j)} className="min-h-11 rounded-md border border-stone-400 bg-white px-3">
                  {t('retry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <div>
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800">
            + {t('add')}
            <input
              ref={input}
              type="file"
              multiple
              className="sr-only"
              data-testid="evidence-input"
              accept="image/jpeg,image/png,image/webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
              onChange={(e) => choose(e.target.files)}
            />
          </label>
          <p className="mt-1 text-xs text-stone-600">{t('addHelp')}</p>
        </div>
      )}
    </div>
  );
}

function RemoveButton({ id, compact }: { id: string; compact?: boolean }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useFormAction(deleteEvidenceAction, IDLE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(t('removeConfirm'))) e.preventDefault();
      }}
      className={compact ? 'mt-1' : ''}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="min-h-8 text-xs text-red-800 underline">
        {t('remove')}
      </button>
      {state.status === 'error' && (
        <p role="alert" className="text-xs text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
