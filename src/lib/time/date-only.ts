/**
 * Calendar dates without a time of day: written 'YYYY-MM-DD' (they compare correctly as strings)
 * and stored in @db.Date columns, which Prisma reads and writes as UTC midnight. No zone is
 * involved here; turning an instant into a date is `localDate` in zoned.ts.
 */
export type IsoDate = string;

/** '2026-03-05' → the Date a @db.Date column holds for it (UTC midnight). */
export function dateOnly(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A @db.Date value (UTC midnight) → '2026-03-05'. */
export function isoOf(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The academic year (the calendar year it starts in) of a date: it turns on 1 September. */
export function academicYearOf(date: IsoDate): number {
  const [y, m] = date.split('-').map(Number);
  return m >= 9 ? y : y - 1;
}
