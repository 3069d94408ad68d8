import { z } from 'zod';
import { DateString, optionalId, optionalText, requiredId, requiredText, version, wholeNumber } from '@/lib/schema-fields';

const REQUIRED = 'form.errors.required';

export const PROGRAMME_KINDS = ['RESEARCH', 'PARENT_WORK', 'CHARACTERISTIC'] as const;

export const ProgrammeInput = z.object({
  id: optionalId,
  version: version.optional(),
  pairingId: requiredId,
  kind: z.enum(PROGRAMME_KINDS, { error: REQUIRED }),
  academicYear: wholeNumber(2000, 2100),
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
