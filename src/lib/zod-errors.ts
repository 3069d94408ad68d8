import { z } from 'zod';

/**
 * Field errors of a failed parse, each translated: schemas carry message *keys* (e.g.
 * 'errors.required'), the action passes its translator, the form shows the sentence.
 */
export function fieldErrors(error: z.ZodError, translate: (key: string) => string): Record<string, string[]> {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.fromEntries(Object.entries(flat).map(([field, keys]) => [field, (keys ?? []).map((k) => translate(k))]));
}
