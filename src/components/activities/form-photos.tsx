'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from '@/components/intl/client-translations';
import { isPhotoFile, scalePhoto } from '@/components/evidence/scale-photo';
import { newKey } from '@/components/offline/new-key';
import type { OutboxPhoto } from '@/components/offline/outbox';

/**
 * Photos chosen while logging a new activity, before its first save: scaled on the phone at once
 * (so what waits on the device, and later goes up, is ~300 KB, not the camera's 5 MB), each with
 * its own idempotency key, and sent right after the activity is created.
 */
export function FormPhotos({ photos, onChange }: { photos: OutboxPhoto[]; onChange: (photos: OutboxPhoto[]) => void }) {
  const t = useTranslations('offline');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string[]>([]);
  const previews = useMemo(() => new Map(photos.map((p) => [p.key, URL.createObjectURL(p.thumb ?? p.photo)])), [photos]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    const added: OutboxPhoto[] = [];
    const bad: string[] = [];
    for (const file of [...files]) {
      if (!isPhotoFile(file)) {
        bad.push(file.name);
        continue;
      }
      try {
        const photo = await scalePhoto(file);
        const thumb = await scalePhoto(file, 320, 0.7).catch(() => null);
        added.push({ key: newKey(), name: file.name.replace(/\.(png|webp|jpe?g)$/i, '') + '.jpg', photo, thumb });
      } catch {
        bad.push(file.name);
      }
    }
    if (input.current) input.current.value = '';
    setFailed(bad);
    setBusy(false);
    onChange([...photos, ...added]);
  }

  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-3" data-testid="form-photos">
      <legend className="px-1 text-sm font-semibold">{t('photos')}</legend>
      {photos.length > 0 && (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {photos.map((p) => (
            <li key={p.key} className="relative" data-testid="form-photo">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview */}
              <img src={previews.get(p.key)} alt={p.name} className="aspect-square w-full rounded border border-stone-200 object-cover" />
              <button
                type="button"
                onClick={() => onChange(photos.filter((x) => x.key !== p.key))}
                className="mt-1 min-h-8 text-xs text-red-800 underline"
                aria-label={t('removePhoto', { name: p.name })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {failed.map((name) => (
        <p key={name} role="alert" className="text-sm text-red-800">
          {t('photoFailed', { name })}
        </p>
      ))}
      <div>
        <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-brand-700 bg-white px-4 text-sm font-medium text-brand-800">
          + {t('addPhotos')}
          <input
            ref={input}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            data-testid="form-photo-input"
            disabled={busy}
            onChange={(e) => add(e.target.files)}
          />
        </label>
        <p className="mt-1 text-xs text-stone-600">{t('photosHelp')}</p>
      </div>
    </fieldset>
  );
}
