import { z } from 'zod';
import { dateField, idOrEmpty, LATEST_CYCLE_DATE, optionalText, requiredId, requiredText, wholeNumber } from '@/lib/schema-fields';

export { GOAL_FIELDS, type GoalField } from './goal-fields';

const id = requiredId;
// The command checks the date against the cycle; here only that it is a real date the app can hold.
const date = dateField({ to: LATEST_CYCLE_DATE });
const goal = optionalText(2000);
const version = wholeNumber(1, 2_147_483_647);

const goals = { goalConditions: goal, goalManagement: goal, goalTeachers: goal, goalChildren: goal };
const leadingGroup = {
  leaderId: idOrEmpty,
  memberIds: z.array(requiredId).max(100).default([]),
};

export const CreatePairingInput = z.object({ cycleId: id, supportingId: id, assistedId: id, startsOn: date, ...goals, ...leadingGroup });
export type CreatePairingData = z.infer<typeof CreatePairingInput>;

export const UpdatePairingInput = z.object({ pairingId: id, version, startsOn: date, ...goals, ...leadingGroup });
export type UpdatePairingData = z.infer<typeof UpdatePairingInput>;

export const EndPairingInput = z.object({
  pairingId: id,
  version,
  endsOn: date,
  endReason: requiredText(500),
});
export type EndPairingData = z.infer<typeof EndPairingInput>;

export const RolloverDecision = z.object({
  pairingId: id,
  decision: z.enum(['keep', 'change', 'end']),
  supportingId: requiredId.optional(),
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
