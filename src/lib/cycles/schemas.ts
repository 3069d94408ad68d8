import { z } from 'zod';
import { requiredId, wholeNumber } from '@/lib/schema-fields';
import { MAX_START_YEAR, MIN_START_YEAR } from './periods';

export const CreateCycleInput = z.object({
  startYear: wholeNumber(MIN_START_YEAR, MAX_START_YEAR, 'cycles.errors.startYear'),
});

// Whether each date is a real one is checked by validateSemesters, which knows the form field it came from.
const date = z.string().trim();

/** Form field name of a semester date, e.g. "2025-AUTUMN-startsOn". */
export function semesterField(academicYear: number, term: string, field: 'startsOn' | 'endsOn') {
  return `${academicYear}-${term}-${field}`;
}

export const UpdateSemestersInput = z.object({
  cycleId: requiredId,
  semesters: z
    .array(z.object({ academicYear: z.number().int(), term: z.enum(['AUTUMN', 'SPRING']), startsOn: date, endsOn: date }))
    .length(4),
});

const SEMESTER_FIELD = /^(\d{4})-(AUTUMN|SPRING)-(startsOn|endsOn)$/;

/** The semester dates as the form names them (see semesterField); the cycle's own slots are checked by the command. */
export function semestersInputFromForm(formData: FormData) {
  const slots = new Map<string, { academicYear: number; term: string; startsOn: string; endsOn: string }>();
  for (const [key, value] of formData.entries()) {
    const m = SEMESTER_FIELD.exec(key);
    if (!m || typeof value !== 'string') continue;
    const slot = slots.get(`${m[1]}-${m[2]}`) ?? { academicYear: Number(m[1]), term: m[2], startsOn: '', endsOn: '' };
    slot[m[3] as 'startsOn' | 'endsOn'] = value;
    slots.set(`${m[1]}-${m[2]}`, slot);
  }
  return { cycleId: formData.get('cycleId'), semesters: [...slots.values()] };
}

export const CitySettingsInput = z.object({
  maxAssistedPerSupporter: wholeNumber(1, 10, 'cycles.errors.cap'),
});
