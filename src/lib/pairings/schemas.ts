import { z } from 'zod';
import { isIsoDate } from '@/lib/cycles/periods';

export const GOAL_FIELDS = ['goalConditions', 'goalManagement', 'goalTeachers', 'goalChildren'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

const id = z.string().trim().min(1, 'form.errors.required').max(64, 'form.errors.invalid');
const date = z.string().trim().min(1, 'form.errors.required').refine(isIsoDate, 'pairings.errors.invalidDate');
const goal = z.string().max(2000, 'form.errors.tooLong').default('');
const version = z.coerce.number().int().min(1);

const goals = { goalConditions: goal, goalManagement: goal, goalTeachers: goal, goalChildren: goal };
const leadingGroup = {
  leaderId: z.string().trim().max(64).default(''),
  memberIds: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
};

export const CreatePairingInput = z.object({ cycleId: id, supportingId: id, assistedId: id, startsOn: date, ...goals, ...leadingGroup });
export type CreatePairingData = z.infer<typeof CreatePairingInput>;

export const UpdatePairingInput = z.object({ pairingId: id, version, startsOn: date, ...goals, ...leadingGroup });
export type UpdatePairingData = z.infer<typeof UpdatePairingInput>;

export const EndPairingInput = z.object({
  pairingId: id,
  version,
  endsOn: date,
  endReason: z.string().trim().min(1, 'form.errors.required').max(500, 'form.errors.tooLong'),
});
export type EndPairingData = z.infer<typeof EndPairingInput>;

export const RolloverDecision = z.object({
  pairingId: id,
  decision: z.enum(['keep', 'change', 'end']),
  supportingId: z.string().trim().max(64).optional(),
});
export const RolloverInput = z.object({ sourceCycleId: id, decisions: z.array(RolloverDecision).max(500) });
export type RolloverData = z.infer<typeof RolloverInput>;

/** A form as a plain object; repeated fields (the leading group's members) as a list. */
export function formObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) out[key] = value;
  out.memberIds = formData.getAll('memberIds').filter((v): v is string => typeof v === 'string' && v !== '');
  return out;
}

/** Rollover decisions arrive as decision:<pairingId> and partner:<pairingId> fields. */
export function rolloverFromForm(formData: FormData) {
  const decisions = [];
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('decision:') || typeof value !== 'string') continue;
    const pairingId = key.slice('decision:'.length);
    const partner = formData.get(`partner:${pairingId}`);
    decisions.push({ pairingId, decision: value, supportingId: typeof partner === 'string' && partner ? partner : undefined });
  }
  return { sourceCycleId: formData.get('sourceCycleId'), decisions };
}
