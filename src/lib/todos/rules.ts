/**
 * Pure rules behind to-do items that judge figures rather than count rows. Dates are the city's
 * calendar dates ('YYYY-MM-DD'), windows inclusive, as in the effect tests' rules.
 */
import { daysBetween, windowDays, type IsoDate, type Status, type TestId, type Window } from '@/lib/effect-tests/rules';

/**
 * S2 behind the semester's pace: the class hours sent so far are fewer than the target times the share
 * of the (pairing's) semester already gone, counted in whole days before today. Stricter than S2's "at
 * risk" (which allows PACE_SLACK): the to-do is an early nudge, the status a warning. Outside the
 * window there is no pace to keep (before it nothing is due; after it S2 is met or missed).
 */
export function behindPace(have: number, need: number, window: Window, today: IsoDate): boolean {
  if (today < window.from || today > window.to) return false;
  return have < (need * daysBetween(window.from, today)) / windowDays(window);
}

const FINE: readonly (Status | 'NOT_APPLICABLE')[] = ['MET', 'ON_TRACK'];

/** Tests at risk now that were met or on track in the semester before: what changed for the worse. */
export function newlyAtRiskTests(
  current: Partial<Record<TestId, Status | 'NOT_APPLICABLE'>>,
  previous: Partial<Record<TestId, Status | 'NOT_APPLICABLE'>>,
): TestId[] {
  return (Object.keys(current) as TestId[]).filter(
    (t) => current[t] === 'AT_RISK' && previous[t] !== undefined && FINE.includes(previous[t]),
  );
}
