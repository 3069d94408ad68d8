/**
 * Who the records put forward for a commendation (issue 14; seed 004: inspection results are "作为晋级、
 * 复评、表彰的重要依据"). A shortlist is advice with its reasons: counties nominate from it or with a
 * written reason of their own, the city decides. Weights and bars are here, in one place, and listed on
 * the round's page.
 */
import type { CommendationCategoryKind, InspectionGrade } from '@/generated/prisma/enums';

export type Reason = { key: ReasonKey; values: Record<string, number | string> };
export type ReasonKey = 'semestersMet' | 'grade' | 'hoursSent' | 'mentorSessions' | 'excellentLessons' | 'papers' | 'noOverdue';

export type PairingStats = {
  /** Closed semesters of the cycle with frozen results for the pairing. */
  semestersClosed: number;
  /** Of those, semesters in which every semester test was met. */
  semestersAllMet: number;
  /** The latest recorded inspection's grade, if any. */
  latestGrade: InspectionGrade | null;
  overdueRectifications: number;
};

export type PersonStats = {
  /** Confirmed class hours sent to the assisted side in the cycle. */
  hoursSent: number;
  /** Mentoring sessions held as master in the cycle. */
  mentorSessions: number;
  excellentLessons: number;
  /** Confirmed papers and awards at municipal level or above in the cycle. */
  papers: number;
};

export type Scored = { eligible: boolean; score: number; reasons: Reason[] };

const GRADE_POINTS: Record<InspectionGrade, number> = { EXCELLENT: 20, GOOD: 10, PASS: 0, FAIL: -50 };

/** A pairing stands out when it met every test in most of its closed semesters, was inspected good or better, and owes no overdue correction. */
export function scorePairing(s: PairingStats): Scored {
  const share = s.semestersClosed > 0 ? s.semestersAllMet / s.semestersClosed : 0;
  const reasons: Reason[] = [{ key: 'semestersMet', values: { met: s.semestersAllMet, closed: s.semestersClosed } }];
  if (s.latestGrade) reasons.push({ key: 'grade', values: { grade: s.latestGrade } });
  if (s.overdueRectifications === 0) reasons.push({ key: 'noOverdue', values: {} });
  const eligible =
    s.semestersClosed > 0 && share > 0.5 && (s.latestGrade === 'EXCELLENT' || s.latestGrade === 'GOOD') && s.overdueRectifications === 0;
  const score = Math.round(share * 100) + (s.latestGrade ? GRADE_POINTS[s.latestGrade] : 0) - 30 * s.overdueRectifications;
  return { eligible, score, reasons };
}

/** Bars a teacher or director must reach in at least one respect to be shortlisted. */
export const PERSON_BARS = { hoursSent: 10, mentorSessions: 10, excellentLessons: 2, papers: 1 } as const;
const PERSON_WEIGHTS = { hoursSent: 1, mentorSessions: 2, excellentLessons: 5, papers: 10 } as const;

export function scorePerson(s: PersonStats): Scored {
  const reasons: Reason[] = [];
  for (const key of ['hoursSent', 'mentorSessions', 'excellentLessons', 'papers'] as const)
    if (s[key] > 0) reasons.push({ key, values: { n: s[key] } });
  const eligible = (Object.keys(PERSON_BARS) as (keyof PersonStats)[]).some((k) => s[k] >= PERSON_BARS[k]);
  const score = (Object.keys(PERSON_WEIGHTS) as (keyof PersonStats)[]).reduce((sum, k) => sum + s[k] * PERSON_WEIGHTS[k], 0);
  return { eligible, score: Math.round(score * 10) / 10, reasons };
}

/** The shortlist: eligible candidates, best first (ties by name, so the list is stable), at most twice the quota. */
export function shortlist<T extends { name: string; scored: Scored }>(candidates: T[], quota: number): T[] {
  return candidates
    .filter((c) => c.scored.eligible)
    .sort((a, b) => b.scored.score - a.scored.score || a.name.localeCompare(b.name, 'zh'))
    .slice(0, Math.max(0, quota * 2));
}

/** What each category nominates. */
export const NOMINEE: Record<CommendationCategoryKind, 'pairing' | 'kindergarten' | 'user'> = {
  PAIRING: 'pairing',
  KINDERGARTEN: 'kindergarten',
  TEACHER: 'user',
  DIRECTOR: 'user',
};

/** A county may nominate while its live nominations (not rejected) stay within the category's quota. */
export function withinQuota(live: number, quota: number): boolean {
  return live < quota;
}

/** A round moves forward only: set up, nominations, published. */
export function canMove(from: 'DRAFT' | 'NOMINATING' | 'PUBLISHED', to: 'DRAFT' | 'NOMINATING' | 'PUBLISHED'): boolean {
  return (from === 'DRAFT' && to === 'NOMINATING') || (from === 'NOMINATING' && to === 'PUBLISHED');
}
