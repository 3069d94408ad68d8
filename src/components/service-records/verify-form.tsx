import { getTranslations } from 'next-intl/server';

/** A plain GET form: works before any script loads, on any phone. */
export async function VerifyForm({ code = '', error }: { code?: string; error?: string }) {
  const t = await getTranslations('serviceRecords.verify');
  return (
    <form action="/verify" method="get" className="flex flex-col gap-2">
      <label htmlFor="verify-code" className="text-sm font-medium text-stone-800">
        {t('code')}
      </label>
      <input
        id="verify-code"
        name="code"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="XXXX-XXXX-XXXX"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'verify-error' : undefined}
        className="min-h-11 rounded-md border border-stone-300 px-3 font-mono tracking-wider"
      />
      {error && (
        <p id="verify-error" role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
        {t('submit')}
      </button>
    </form>
  );
}
