import { z } from 'zod';
import { MAX_START_YEAR, MIN_START_YEAR, isIsoDate, semesterSlots } from './periods';

export const CreateCycleInput = z.object({
  startYear: z.coerce.number({ error: 'cycles.errors.startYear' }).int('cycles.errors.startYear').min(MIN_START_YEAR, 'cycles.errors.startYear').max(MAX_START_YEAR, 'cycles.errors.startYear'),
});

const date = z.string().trim().refine(isIsoDate, 'cycles.errors.invalidDate');

/** Form field name of a semester date, e.g. "2025-AUTUMN-startsOn". */
export function semesterField(academicYear: number, term: string, field: 'startsOn' | 'endsOn') {
  return `${academicYear}-${term}-${field}`;
}

export const UpdateSemestersInput = z.object({
  cycleId: z.string().min(1).max(64),
  semesters: z.array(z.object({ academicYear: z.number().int(), term: z.enum(['AUTUMN', 'SPRING']), startsOn: date, endsOn: date })).length(4),
});

/** Reads the four semesters of a cycle starting in startYear from the form. */
export function semestersFromForm(formData: FormData, startYear: number) {
  return semesterSlots(startYear).map((slot) => ({
    ...slot,
    startsOn: String(formData.get(semesterField(slot.academicYear, slot.term, 'startsOn')) ?? ''),
    endsOn: String(formData.get(semesterField(slot.academicYear, slot.term, 'endsOn')) ?? ''),
  }));
}

export const CitySettingsInput = z.object({
  maxAssistedPerSupporter: z.coerce.number({ error: 'cycles.errors.cap' }).int('cycles.errors.cap').min(1, 'cycles.errors.cap').max(10, 'cycles.errors.cap'),
});
