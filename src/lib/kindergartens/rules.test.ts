import { describe, expect, it } from 'vitest';
import { codeKey, countProblems, normalizeCode, parseArea, parseCount, parseLevel, CODE_PATTERN } from './rules';

const ok = { classCount: 6, childCount: 180, teacherCount: 14, staffCount: 22 };

describe('countProblems', () => {
  it('accepts a believable kindergarten and an empty one', () => {
    expect(countProblems(ok)).toEqual([]);
    expect(countProblems({ classCount: 0, childCount: 0, teacherCount: 0, staffCount: 0 })).toEqual([]);
  });
  it('refuses more teachers than staff', () => {
    expect(countProblems({ ...ok, teacherCount: 23 })).toEqual([{ field: 'teacherCount', key: 'teachersOverStaff' }]);
  });
  it('refuses fewer children than classes, and children without classes or teachers', () => {
    expect(countProblems({ ...ok, childCount: 5 }).map((p) => p.key)).toEqual(['childrenUnderClasses']);
    expect(countProblems({ ...ok, classCount: 0 }).map((p) => p.key)).toEqual(['childrenWithoutClasses']);
    expect(countProblems({ ...ok, teacherCount: 0 }).map((p) => p.key)).toEqual(['childrenWithoutTeachers']);
  });
  it('refuses more than 60 children per class and absurd totals', () => {
    expect(countProblems({ ...ok, childCount: 361 }).map((p) => p.key)).toEqual(['childrenPerClass']);
    expect(countProblems({ ...ok, childCount: 360 })).toEqual([]);
    expect(countProblems({ ...ok, staffCount: 2001 })).toContainEqual({ field: 'staffCount', key: 'countTooLarge', params: { max: 2000 } });
  });
});

describe('cell values', () => {
  it('reads areas in Chinese and English', () => {
    expect(parseArea('城区')).toBe('URBAN');
    expect(parseArea(' Rural ')).toBe('RURAL');
    expect(parseArea('URBAN')).toBe('URBAN');
    expect(parseArea('郊区')).toBeNull();
    expect(parseArea('')).toBeNull();
  });
  it('reads levels in Chinese and English; empty is none', () => {
    expect(parseLevel('省级')).toBe('PROVINCIAL');
    expect(parseLevel('市级示范园')).toBe('MUNICIPAL');
    expect(parseLevel('County demonstration')).toBe('COUNTY');
    expect(parseLevel('无')).toBe('NONE');
    expect(parseLevel('None')).toBe('NONE');
    expect(parseLevel('')).toBe('NONE');
    expect(parseLevel('国家级')).toBeNull();
  });
  it('reads whole numbers only', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('')).toBe(0);
    expect(parseCount('１２')).toBe(12);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('twelve')).toBeNull();
  });
  it('keeps codes as typed but compares them ignoring case', () => {
    expect(normalizeCode(' ｑh-01 ')).toBe('qh-01');
    expect(codeKey('qh-01')).toBe(codeKey('QH-01'));
    expect(CODE_PATTERN.test('QH-01')).toBe(true);
    expect(CODE_PATTERN.test('QH 01')).toBe(false);
  });
});
