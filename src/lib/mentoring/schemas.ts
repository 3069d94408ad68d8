import { z } from 'zod';
import { DateString, optionalDate, optionalText, requiredId, requiredText, version } from '@/lib/schema-fields';

export const MentorPairInput = z.object({
  pairingId: requiredId,
  mentorId: requiredId,
  apprenticeId: requiredId,
  goals: optionalText(5000),
  startsOn: DateString,
  endsOn: optionalDate,
});

export const MentorPairUpdateInput = z.object({ id: requiredId, version, goals: optionalText(5000), endsOn: optionalDate });

export const MentorSessionInput = z.object({
  mentorPairId: requiredId,
  heldOn: DateString,
  topic: requiredText(200),
  notes: optionalText(20000),
});
