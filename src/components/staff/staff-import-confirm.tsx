'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { useTranslations } from '@/components/intl/client-translations';
import { commitStaffImportAction, type StaffImportState } from '@/lib/staff/actions';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { XLSX_TYPE } from '@/lib/spreadsheet/xlsx-type';

function download(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Confirms the import, then shows the one-time passwords this once (list and .xlsx from the same response). */
export function StaffImportConfirm({ batchId, count }: { batchId: string; count: number }) {
  const t = useTranslations('staff');
  const tk = useTranslations('kindergartens.import');
  const [state, action] = useFormAction<StaffImportState>(commitStaffImportAction, { status: 'idle' });
  if (state.status === 'ok') {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage state={state} />
        {state.accounts && state.accounts.length > 0 && (
          <section aria-labelledby="passwords">
            <h2 id="passwords" className="font-semibold">
              {t('import.passwordsTitle')}
            </h2>
            <p className="mb-2 text-sm text-amber-900">{t('import.passwordsHelp')}</p>
            {state.sheet && (
              <button
                type="button"
                onClick={() => download(state.sheet!, 'one-time-passwords.xlsx')}
                className="mb-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
              >
                {t('import.downloadPasswords')}
              </button>
            )}
            <div className="overflow-x-auto">
              <table className="w-full min-w-[20rem] text-left text-sm">
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className="p-2">
                      {t('name')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('login')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('oneTimePassword')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.accounts.map((a) => (
                    <tr key={a.login} className="border-t border-stone-200">
                      <td className="p-2">{a.name}</td>
                      <td className="p-2 font-mono">{a.login}</td>
                      <td className="p-2 font-mono" data-testid="one-time-password">
                        {a.password}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="batchId" value={batchId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel={tk('confirming')}>{tk('confirm', { count })}</SubmitButton>
      </div>
    </form>
  );
}
