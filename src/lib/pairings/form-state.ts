import type { ActionState } from '@/lib/action-state';

/** A refused save because someone else saved first: each differing field, theirs beside the stored value. */
export type ConflictView = { title: string; changes: { label: string; theirs: string; current: string }[] };

export type PairingFormState = ActionState & { conflict?: ConflictView };

export type RolloverFormState = ActionState & {
  rowErrors?: Record<string, string[]>;
  /** Changes on every answer so the form remounts with the submitted choices instead of React's reset. */
  seq?: number;
};
