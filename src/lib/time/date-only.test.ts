import { describe, expect, it } from 'vitest';
import { academicYearOf, dateOnly, isoOf } from './date-only';

describe('date-only values', () => {
  it('are UTC midnight in the database and round-trip', () => {
    expect(dateOnly('2026-03-05').toISOString()).toBe('2026-03-05T00:00:00.000Z');
    for (const d of ['2026-03-05', '2028-02-29', '2025-12-31', '2026-01-01']) expect(isoOf(dateOnly(d))).toBe(d);
    expect(isoOf(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
  });

  it('turn the academic year on 1 September', () => {
    expect(academicYearOf('2025-08-31')).toBe(2024);
    expect(academicYearOf('2025-09-01')).toBe(2025);
    expect(academicYearOf('2025-12-31')).toBe(2025);
    expect(academicYearOf('2026-01-01')).toBe(2025);
    expect(academicYearOf('2026-08-31')).toBe(2025);
    expect(academicYearOf('2026-09-01')).toBe(2026);
  });
});
