import { describe, expect, it } from 'vitest';
import { canMove, scorePairing, scorePerson, shortlist, withinQuota, PERSON_BARS } from './rules';

describe('pairing shortlist rule', () => {
  const good = { semestersClosed: 3, semestersAllMet: 2, latestGrade: 'GOOD' as const, overdueRectifications: 0 };
  it('needs every test met in most closed semesters, a good grade and nothing overdue', () => {
    expect(scorePairing(good).eligible).toBe(true);
    // Exactly half is not "most".
    expect(scorePairing({ ...good, semestersClosed: 4, semestersAllMet: 2 }).eligible).toBe(false);
    expect(scorePairing({ ...good, latestGrade: 'PASS' }).eligible).toBe(false);
    expect(scorePairing({ ...good, latestGrade: null }).eligible).toBe(false);
    expect(scorePairing({ ...good, overdueRectifications: 1 }).eligible).toBe(false);
    expect(scorePairing({ ...good, semestersClosed: 0, semestersAllMet: 0 }).eligible).toBe(false);
  });
  it('ranks a better record and grade higher, and gives its reasons', () => {
    const excellent = scorePairing({ ...good, latestGrade: 'EXCELLENT' });
    expect(excellent.score).toBeGreaterThan(scorePairing(good).score);
    expect(scorePairing({ ...good, semestersAllMet: 3 }).score).toBeGreaterThan(scorePairing(good).score);
    expect(excellent.reasons.map((r) => r.key)).toEqual(['semestersMet', 'grade', 'noOverdue']);
  });
});

describe('person shortlist rule', () => {
  const none = { hoursSent: 0, mentorSessions: 0, excellentLessons: 0, papers: 0 };
  it('shortlists whoever reaches one bar, at the bar and not below', () => {
    for (const key of Object.keys(PERSON_BARS) as (keyof typeof PERSON_BARS)[]) {
      expect(scorePerson({ ...none, [key]: PERSON_BARS[key] }).eligible).toBe(true);
      expect(scorePerson({ ...none, [key]: PERSON_BARS[key] - 0.5 }).eligible).toBe(false);
    }
  });
  it('names only the respects with something to show', () => {
    expect(scorePerson({ ...none, hoursSent: 12.5, papers: 1 }).reasons).toEqual([
      { key: 'hoursSent', values: { n: 12.5 } },
      { key: 'papers', values: { n: 1 } },
    ]);
    expect(scorePerson({ ...none, hoursSent: 12.5, papers: 1 }).score).toBe(22.5);
  });
});

describe('shortlist, quota and stages', () => {
  it('keeps the eligible, best first, ties by name, at most twice the quota', () => {
    const c = (name: string, score: number, eligible = true) => ({ name, scored: { eligible, score, reasons: [] } });
    const list = shortlist([c('乙', 50), c('甲', 50), c('丙', 90), c('丁', 99, false), c('戊', 10)], 1);
    expect(list.map((x) => x.name)).toEqual(['丙', '甲']);
    expect(shortlist([c('甲', 1)], 0)).toEqual([]);
  });
  it('lets a county nominate until its quota is used', () => {
    expect(withinQuota(1, 2)).toBe(true);
    expect(withinQuota(2, 2)).toBe(false);
  });
  it('moves a round forward only', () => {
    expect(canMove('DRAFT', 'NOMINATING')).toBe(true);
    expect(canMove('NOMINATING', 'PUBLISHED')).toBe(true);
    expect(canMove('DRAFT', 'PUBLISHED')).toBe(false);
    expect(canMove('PUBLISHED', 'NOMINATING')).toBe(false);
  });
});
