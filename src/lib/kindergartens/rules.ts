import type { AreaType, DemoLevel } from '@/generated/prisma/enums';

/** Upper bounds well above any real kindergarten: they catch typos such as an extra zero. */
export const COUNT_LIMITS = { classCount: 200, childCount: 10_000, teacherCount: 1_000, staffCount: 2_000 } as const;
/** No class holds this many children; China's standard is at most 35 (大班), so this is generous. */
export const MAX_CHILDREN_PER_CLASS = 60;

export type CountField = keyof typeof COUNT_LIMITS;
export type Counts = Record<CountField, number>;
export type CountProblem = { field: CountField; key: string; params?: Record<string, number> };

/**
 * Counts that cannot all be true at once. Each problem names the field to fix and a message key
 * under `kindergartens.errors`.
 */
export function countProblems(c: Counts): CountProblem[] {
  const problems: CountProblem[] = [];
  for (const field of Object.keys(COUNT_LIMITS) as CountField[]) {
    if (c[field] > COUNT_LIMITS[field]) problems.push({ field, key: 'countTooLarge', params: { max: COUNT_LIMITS[field] } });
  }
  // Staff means everyone employed, teachers included.
  if (c.teacherCount > c.staffCount) problems.push({ field: 'teacherCount', key: 'teachersOverStaff' });
  if (c.classCount > 0 && c.childCount < c.classCount) problems.push({ field: 'childCount', key: 'childrenUnderClasses' });
  if (c.childCount > 0 && c.classCount === 0) problems.push({ field: 'classCount', key: 'childrenWithoutClasses' });
  if (c.classCount > 0 && c.childCount > c.classCount * MAX_CHILDREN_PER_CLASS) {
    problems.push({ field: 'childCount', key: 'childrenPerClass', params: { max: MAX_CHILDREN_PER_CLASS } });
  }
  if (c.childCount > 0 && c.teacherCount === 0) problems.push({ field: 'teacherCount', key: 'childrenWithoutTeachers' });
  return problems;
}

// Compared after removing spaces and lower-casing; the Chinese and English labels of the app count too.
const AREA_WORDS: Record<string, AreaType> = {
  城区: 'URBAN',
  城市: 'URBAN',
  城镇: 'URBAN',
  城: 'URBAN',
  urban: 'URBAN',
  农村: 'RURAL',
  乡村: 'RURAL',
  乡镇: 'RURAL',
  农: 'RURAL',
  rural: 'RURAL',
};
const LEVEL_WORDS: Record<string, DemoLevel> = {
  省级: 'PROVINCIAL',
  省级示范园: 'PROVINCIAL',
  省级示范幼儿园: 'PROVINCIAL',
  省示范: 'PROVINCIAL',
  provincial: 'PROVINCIAL',
  provincialdemonstration: 'PROVINCIAL',
  province: 'PROVINCIAL',
  市级: 'MUNICIPAL',
  市级示范园: 'MUNICIPAL',
  市级示范幼儿园: 'MUNICIPAL',
  市示范: 'MUNICIPAL',
  municipal: 'MUNICIPAL',
  municipaldemonstration: 'MUNICIPAL',
  city: 'MUNICIPAL',
  县级: 'COUNTY',
  县级示范园: 'COUNTY',
  县级示范幼儿园: 'COUNTY',
  区级: 'COUNTY',
  县示范: 'COUNTY',
  county: 'COUNTY',
  countydemonstration: 'COUNTY',
  district: 'COUNTY',
  无: 'NONE',
  非示范园: 'NONE',
  非示范: 'NONE',
  否: 'NONE',
  none: 'NONE',
  no: 'NONE',
  '-': 'NONE',
  notademonstrationkindergarten: 'NONE',
};

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function parseArea(text: string): AreaType | null {
  return AREA_WORDS[squash(text)] ?? null;
}

/** An empty cell means "not a demonstration kindergarten". */
export function parseLevel(text: string): DemoLevel | null {
  const s = squash(text);
  return s === '' ? 'NONE' : (LEVEL_WORDS[s] ?? null);
}

/** Whole numbers as typed in a form or a cell; an empty value counts as 0. */
export function parseCount(text: string): number | null {
  const s = text.normalize('NFKC').trim();
  if (s === '') return 0;
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** Codes are stored as typed (full-width characters folded) but compared ignoring case: "qh-01" is "QH-01". */
export function normalizeCode(text: string) {
  return text.normalize('NFKC').trim();
}
export function codeKey(code: string) {
  return normalizeCode(code).toUpperCase();
}
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const CONTACT_PHONE_PATTERN = /^[0-9+\-\s()]{0,32}$/;
