/**
 * When a save is refused because someone else saved first, the person sees, field by field, what
 * they typed next to what is stored now, and decides what to keep.
 */
export type FieldChange = { field: string; theirs: string; current: string };

const normalize = (v: string | undefined) => (v ?? '').replace(/\r\n/g, '\n').trim();

export function diffFields(
  fields: readonly string[],
  submitted: Record<string, string | undefined>,
  current: Record<string, string | undefined>,
): FieldChange[] {
  return fields
    .filter((f) => normalize(submitted[f]) !== normalize(current[f]))
    .map((f) => ({ field: f, theirs: normalize(submitted[f]), current: normalize(current[f]) }));
}
