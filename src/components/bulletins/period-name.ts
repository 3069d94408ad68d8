type T = (key: 'periodName', values: Record<string, string>) => string;

/** "2025–2026学年春季学期", or the academic year itself. */
export function periodName(t: T, p: { academicYear: number; term: 'AUTUMN' | 'SPRING' | null }) {
  return t('periodName', { year: String(p.academicYear), next: String(p.academicYear + 1), term: p.term ?? 'YEAR' });
}
