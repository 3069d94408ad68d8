import { z } from 'zod';
import { dateField, idOrEmpty, optionalText, requiredId, safeLine, version, wholeNumber } from '@/lib/schema-fields';

export const MAX_SAMPLE_SIZE = 200;

/** A draw: its scope (a county, or '' for the whole city), the activity dates it covers, how many, and the seed. */
export const DrawInput = z
  .object({
    countyId: idOrEmpty,
    periodFrom: dateField(),
    periodTo: dateField(),
    sampleSize: wholeNumber(1, MAX_SAMPLE_SIZE, 'spotChecks.errors.sampleSize'),
    // Left empty, the server picks a random one; typed, anyone can draw the same sample again with it.
    seed: safeLine(64).optional().default(''),
  })
  .check((ctx) => {
    if (ctx.value.periodTo < ctx.value.periodFrom)
      ctx.issues.push({ code: 'custom', input: ctx.value.periodTo, path: ['periodTo'], message: 'spotChecks.errors.periodOrder' });
  });

/** 属实 or 存疑, with a note; questioning a record must say why. */
export const CheckInput = z
  .object({
    id: requiredId,
    version,
    verdict: z.enum(['VERIFIED', 'QUESTIONED'], { error: 'form.errors.invalid' }),
    note: optionalText(2000),
  })
  .check((ctx) => {
    if (ctx.value.verdict === 'QUESTIONED' && !ctx.value.note.trim())
      ctx.issues.push({ code: 'custom', input: ctx.value.note, path: ['note'], message: 'spotChecks.errors.noteRequired' });
  });
