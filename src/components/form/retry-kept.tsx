'use client';
import { useOfflineText } from '@/components/offline/offline-text';
import { retryKeptForms } from './use-form-action';

export function RetryKept() {
  const { retry } = useOfflineText();
  return (
    <button
      type="button"
      onClick={retryKeptForms}
      className="min-h-11 shrink-0 rounded-md border border-amber-700 bg-white px-3 text-sm font-medium text-amber-900"
    >
      {retry}
    </button>
  );
}
