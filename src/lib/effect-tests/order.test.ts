import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCompare, listedBefore, mergeInOrder, topByScore } from './order';

// Characters from every range where UTF-16 and code point order disagree: ASCII, CJK, the private use
// area and fullwidth forms (U+E000–FFFF), and characters beyond U+FFFF (surrogate pairs).
const char = fc.constantFrom('a', 'B', '1', '中', '心', '幼', '儿', '园', '\uE000', '\uFF08', '\uFFFD', '𠀀', '𝒜', '😀');
const name = fc.array(char, { maxLength: 5 }).map((cs) => cs.join(''));
const pairing = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  supporting: fc.record({ name }),
  assisted: fc.record({ name }),
});
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const sorted = <T extends Parameters<typeof listedBefore>[0]>(xs: T[]) =>
  [...xs].sort((x, y) => (listedBefore(x, y) ? -1 : listedBefore(y, x) ? 1 : 0));

describe('the order of an evaluation’s pairings', () => {
  it('compares names as PostgreSQL’s "C" collation does (UTF-8 bytes)', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(codePointCompare(a, b))).toBe(Math.sign(Buffer.compare(utf8(a), utf8(b))));
      }),
    );
    // Where JavaScript's own comparison is wrong: U+FF08 sorts before U+20000 in code points.
    expect('（' < '𠀀').toBe(false);
    expect(codePointCompare('（', '𠀀')).toBeLessThan(0);
  });

  it('merges two ordered lists into the order a full evaluation lists them in', () => {
    fc.assert(
      fc.property(fc.array(pairing, { maxLength: 12 }), fc.array(pairing, { maxLength: 12 }), (a, b) => {
        expect(mergeInOrder(sorted(a), sorted(b))).toEqual(sorted([...a, ...b]));
      }),
    );
    // A few into many, as after a write: the places found by halving.
    fc.assert(
      fc.property(fc.array(pairing, { minLength: 40, maxLength: 120 }), fc.array(pairing, { minLength: 1, maxLength: 3 }), (a, b) => {
        expect(mergeInOrder(sorted(a), sorted(b))).toEqual(sorted([...a, ...b]));
      }),
    );
  });
});

describe('the worst pairings', () => {
  it('are the first k of a stable sort by score, highest first', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (scores, k) => {
        const items = scores.map((score, i) => ({ score, i }));
        expect(topByScore(items, k)).toEqual([...items].sort((a, b) => b.score - a.score).slice(0, k));
      }),
    );
  });
});
