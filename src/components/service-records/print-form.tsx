'use client';
import { useFormAction } from '@/components/form/use-form-action';
import { printServiceRecordAction } from '@/lib/service-records/actions';
import { IDLE } from '@/lib/action-state';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';

/** Words come as props (translated on the server): this page needs no catalogue in the browser. */
export function PrintServiceRecordForm({ id, label }: { id: string; label: string }) {
  const [state, action] = useFormAction(printServiceRecordAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <SubmitButton className="self-start">{label}</SubmitButton>
    </form>
  );
}
