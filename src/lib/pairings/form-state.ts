import type { ActionState, ConflictView } from '@/lib/action-state';

export type { ConflictView };

export type PairingFormState = ActionState & { conflict?: ConflictView };

export type RolloverFormState = ActionState & {
  rowErrors?: Record<string, string[]>;
  /** Changes on every answer so the form remounts with the submitted choices instead of React's reset. */
  seq?: number;
};
