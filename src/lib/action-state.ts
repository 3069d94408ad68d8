/** What a server action returns to its form for expected failures (and simple successes). */
export type ActionState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the user submitted, so the form shows it again after an error. Never includes passwords. */
  values?: Record<string, string>;
  /** Set when a save was refused because someone else saved first (optimistic concurrency). */
  conflict?: ConflictView;
  /** Set in the browser when the send never reached the server: the form keeps it and sends again (use-form-action.ts). */
  offline?: boolean;
};

/** A refused save because someone else saved first: each differing field, theirs beside the stored value. */
export type ConflictView = { title: string; changes: { label: string; theirs: string; current: string }[] };

export const IDLE: ActionState = { status: 'idle' };

export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !omit.includes(key)) values[key] = value;
  }
  return values;
}
