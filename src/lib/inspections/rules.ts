/**
 * What an inspection's checklist means: which items are findings, what it says about A1, and which
 * grade the items suggest. Pure; the A1 rule is also written in SQL in effect-tests/evaluate.ts
 * (tests/integration/inspections.test.ts checks the two agree). See docs/decisions/017.
 */
import type { ChecklistResult, InspectionGrade } from '@/generated/prisma/enums';

export const CHECKLIST_RESULTS = ['MEETS', 'PARTLY', 'FAILS', 'NOT_APPLICABLE'] as const satisfies readonly ChecklistResult[];
export const INSPECTION_GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const satisfies readonly InspectionGrade[];

export type JudgedItem = { result: ChecklistResult | null; countsForA1: boolean };

/** A failed or partly met item is a finding: something must change, and a rectification may be opened for it. */
export function isFinding(result: ChecklistResult | null): boolean {
  return result === 'FAILS' || result === 'PARTLY';
}

/** Items not judged yet: an inspection is recorded only when there are none. */
export function unjudged(items: JudgedItem[]): number {
  return items.filter((i) => i.result == null).length;
}

/**
 * A1 from an inspection's A1 items (staffing, the Guidance Outline, no primary-school tendency). The
 * seeds state each condition absolutely (配齐配足, 无小学化倾向), so an item met only in part does not
 * pass: PASS when every judged A1 item meets, FAIL when any fails or is partly met. Items not
 * applicable are left out; an inspection that judged no A1 item says nothing about A1 (null).
 */
export function a1Outcome(items: JudgedItem[]): 'PASS' | 'FAIL' | null {
  const judged = items.filter((i) => i.countsForA1 && i.result != null && i.result !== 'NOT_APPLICABLE');
  if (judged.length === 0) return null;
  return judged.every((i) => i.result === 'MEETS') ? 'PASS' : 'FAIL';
}

/** Shares of the applicable items (meets counts 1, partly ½) from which each grade is suggested. */
export const GRADE_THRESHOLDS = { EXCELLENT: 0.9, GOOD: 0.75, PASS: 0.6 } as const;

/**
 * A suggestion only (the inspectors choose the grade): not applicable items are left out; a failed A1
 * item suggests 不合格 whatever the rest, because A1 is the floor of the city's scale; 优秀 also needs
 * no failed item at all. Null until every item is judged, or when none applies.
 */
export function suggestGrade(items: JudgedItem[]): InspectionGrade | null {
  if (items.length === 0 || unjudged(items) > 0) return null;
  const applicable = items.filter((i) => i.result !== 'NOT_APPLICABLE');
  if (applicable.length === 0) return null;
  if (applicable.some((i) => i.countsForA1 && i.result === 'FAILS')) return 'FAIL';
  const score = applicable.reduce((s, i) => s + (i.result === 'MEETS' ? 1 : i.result === 'PARTLY' ? 0.5 : 0), 0) / applicable.length;
  const anyFails = applicable.some((i) => i.result === 'FAILS');
  if (score >= GRADE_THRESHOLDS.EXCELLENT && !anyFails) return 'EXCELLENT';
  if (score >= GRADE_THRESHOLDS.GOOD) return 'GOOD';
  if (score >= GRADE_THRESHOLDS.PASS) return 'PASS';
  return 'FAIL';
}
