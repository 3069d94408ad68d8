import { z } from 'zod';
import { DateString } from '@/lib/activities/schemas';
import { optionalId, optionalText, requiredId, requiredText, version } from '@/lib/schema-fields';

const REQUIRED = 'form.errors.required';

export const PROGRAMME_KINDS = ['RESEARCH', 'PARENT_WORK', 'CHARACTERISTIC'] as const;

export const ProgrammeInput = z.object({
  id: optionalId,
  version: version.optional(),
  pairingId: requiredId,
  kind: z.enum(PROGRAMME_KINDS, { error: REQUIRED }),
  academicYear: z.coerce.number({ error: REQUIRED }).int().min(2000, { error: REQUIRED }).max(2100, { error: REQUIRED }),
  title: requiredText(200),
  plan: optionalText(20000),
  results: optionalText(20000),
});

export const ProgrammeRecordInput = z.object({
  programmeId: requiredId,
  heldOn: DateString,
  title: requiredText(200),
  notes: optionalText(20000),
});
