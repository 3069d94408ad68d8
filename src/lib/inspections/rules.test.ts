import { describe, expect, it } from 'vitest';
import type { ChecklistResult } from '@/generated/prisma/enums';
import { a1Outcome, isFinding, suggestGrade, unjudged, type JudgedItem } from './rules';
import { DEFAULT_CHECKLIST } from './default-checklist';

const item = (result: ChecklistResult | null, countsForA1 = false): JudgedItem => ({ result, countsForA1 });
/** Eight ordinary items and three A1 items, all met unless changed. */
const checklist = (over: Record<number, ChecklistResult | null> = {}) =>
  Array.from({ length: 11 }, (_, i) => item(i in over ? over[i] : 'MEETS', i >= 8));

describe('findings', () => {
  it('a failed or partly met item is a finding; met, not applicable and unjudged are not', () => {
    expect(isFinding('FAILS')).toBe(true);
    expect(isFinding('PARTLY')).toBe(true);
    expect(isFinding('MEETS')).toBe(false);
    expect(isFinding('NOT_APPLICABLE')).toBe(false);
    expect(isFinding(null)).toBe(false);
  });

  it('counts the items not judged yet', () => {
    expect(unjudged(checklist())).toBe(0);
    expect(unjudged(checklist({ 0: null, 9: null }))).toBe(2);
  });
});

describe('A1 from an inspection', () => {
  it('passes when every judged A1 item meets, whatever the other items say', () => {
    expect(a1Outcome(checklist({ 0: 'FAILS', 1: 'PARTLY' }))).toBe('PASS');
  });

  it('fails when an A1 item fails or is only partly met', () => {
    expect(a1Outcome(checklist({ 8: 'FAILS' }))).toBe('FAIL');
    expect(a1Outcome(checklist({ 10: 'PARTLY' }))).toBe('FAIL');
  });

  it('leaves out A1 items not applicable or not judged yet', () => {
    expect(a1Outcome(checklist({ 8: 'NOT_APPLICABLE', 9: null }))).toBe('PASS');
    expect(a1Outcome(checklist({ 8: 'NOT_APPLICABLE', 9: null, 10: 'FAILS' }))).toBe('FAIL');
  });

  it('says nothing when no A1 item was judged', () => {
    expect(a1Outcome(checklist({ 8: 'NOT_APPLICABLE', 9: 'NOT_APPLICABLE', 10: null }))).toBeNull();
    expect(a1Outcome([item('FAILS'), item('MEETS')])).toBeNull();
    expect(a1Outcome([])).toBeNull();
  });

  it('the default checklist has the three A1 items of the seeds', () => {
    expect(DEFAULT_CHECKLIST.filter((i) => i.countsForA1).map((i) => i.title)).toEqual([
      expect.stringContaining('配齐配足'),
      expect.stringContaining('3-6岁儿童学习与发展指南'),
      expect.stringContaining('小学化'),
    ]);
    expect(DEFAULT_CHECKLIST).toHaveLength(11);
  });
});

describe('grade suggestion', () => {
  it('suggests nothing until every item is judged, or when none applies', () => {
    expect(suggestGrade(checklist({ 3: null }))).toBeNull();
    expect(suggestGrade([item('NOT_APPLICABLE'), item('NOT_APPLICABLE', true)])).toBeNull();
    expect(suggestGrade([])).toBeNull();
  });

  it('excellent when (almost) everything meets and nothing fails', () => {
    expect(suggestGrade(checklist())).toBe('EXCELLENT');
    // 10.5 of 11 = 95 %, one partly met item.
    expect(suggestGrade(checklist({ 2: 'PARTLY' }))).toBe('EXCELLENT');
    // 10 of 11 = 91 %, but an item fails: no higher than good.
    expect(suggestGrade(checklist({ 2: 'FAILS' }))).toBe('GOOD');
  });

  it('good, pass and fail by the share met, not applicable items left out', () => {
    // 9 of 11 = 82 %.
    expect(suggestGrade(checklist({ 0: 'FAILS', 1: 'FAILS' }))).toBe('GOOD');
    // 7.5 of 11 = 68 %.
    expect(suggestGrade(checklist({ 0: 'FAILS', 1: 'FAILS', 2: 'FAILS', 3: 'PARTLY' }))).toBe('PASS');
    // 6 of 11 = 55 %.
    expect(suggestGrade(checklist({ 0: 'FAILS', 1: 'FAILS', 2: 'FAILS', 3: 'FAILS', 4: 'FAILS' }))).toBe('FAIL');
    // Of 6 applicable, 5.5 met = 92 %.
    expect(
      suggestGrade(
        checklist({ 0: 'NOT_APPLICABLE', 1: 'NOT_APPLICABLE', 2: 'NOT_APPLICABLE', 3: 'NOT_APPLICABLE', 4: 'NOT_APPLICABLE', 5: 'PARTLY' }),
      ),
    ).toBe('EXCELLENT');
  });

  it('a failed A1 item suggests 不合格 whatever the rest', () => {
    expect(suggestGrade(checklist({ 9: 'FAILS' }))).toBe('FAIL');
    // A partly met A1 item fails A1 but is not the floor of the grade.
    expect(suggestGrade(checklist({ 9: 'PARTLY' }))).toBe('EXCELLENT');
  });
});
