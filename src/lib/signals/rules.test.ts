import { describe, expect, it } from 'vitest';
import {
  ASSUMED_DURATION_MINUTES,
  bitsToHex,
  captureDaysOff,
  drawWeight,
  hammingDistance,
  inTwoPlaces,
  isCaptureDateOff,
  isLateEntry,
  isNearDuplicate,
  NEAR_DUPLICATE_MAX_DISTANCE,
  normaliseForReuse,
  placeKey,
  reusableText,
  spansOverlap,
} from './rules';

const at = (s: string) => new Date(s);

describe('perceptual hash distance', () => {
  it('turns the 64 bits sharp-phash answers into 16 hex digits', () => {
    expect(bitsToHex('0'.repeat(60) + '1111')).toBe('000000000000000f');
    expect(bitsToHex('1'.repeat(64))).toBe('ffffffffffffffff');
    expect(() => bitsToHex('10')).toThrow();
  });

  it('counts the bits that differ', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('00000000000000ff', '000000000000000f')).toBe(4);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow();
  });

  it('calls a photo a near-duplicate up to the threshold and not one bit beyond', () => {
    const base = '0000000000000000';
    const withBits = (n: number) =>
      BigInt.asUintN(64, (1n << BigInt(n)) - 1n)
        .toString(16)
        .padStart(16, '0');
    expect(hammingDistance(base, withBits(NEAR_DUPLICATE_MAX_DISTANCE))).toBe(NEAR_DUPLICATE_MAX_DISTANCE);
    expect(isNearDuplicate(base, withBits(NEAR_DUPLICATE_MAX_DISTANCE))).toBe(true);
    expect(isNearDuplicate(base, withBits(NEAR_DUPLICATE_MAX_DISTANCE + 1))).toBe(false);
    expect(isNearDuplicate(base, base)).toBe(true);
  });
});

describe('text reused across records', () => {
  it('ignores spaces of every kind, line breaks and zero-width characters, wherever they fall', () => {
    expect(normaliseForReuse('  上午\n\n集体教学\u3000时间偏长， \t区域材料\u00a0投放不足 ')).toBe(
      '上午集体教学时间偏长，区域材料投放不足',
    );
    expect(normaliseForReuse('区域\u200b材料')).toBe('区域材料');
    // A paragraph re-wrapped in another record is the same text.
    expect(normaliseForReuse('区域材料投放\n不足')).toBe(normaliseForReuse('区域材料投放不足'));
    // Other characters still count: punctuation changed is another text.
    expect(normaliseForReuse('不足。')).not.toBe(normaliseForReuse('不足！'));
  });

  it('counts only long texts, by characters, spaces not counted', () => {
    const long = '观察'.repeat(40); // 80 characters
    expect(reusableText(long)).toBe(long);
    expect(reusableText(long.slice(1))).toBeNull();
    expect(reusableText(`${long.slice(1)}      `)).toBeNull();
    // Characters outside the BMP count once, as PostgreSQL's char_length counts them.
    expect(reusableText('😀'.repeat(80))).not.toBeNull();
    expect(reusableText('😀'.repeat(79))).toBeNull();
  });
});

describe('the same person in two places at once', () => {
  const a = { startsAt: at('2026-03-05T01:00:00Z'), endsAt: at('2026-03-05T04:00:00Z'), location: '柳湾镇中心幼儿园' };

  it('overlaps when each starts before the other ends; touching ends do not overlap', () => {
    expect(spansOverlap(a, { startsAt: at('2026-03-05T03:59:00Z'), endsAt: null })).toBe(true);
    expect(spansOverlap(a, { startsAt: at('2026-03-05T04:00:00Z'), endsAt: null })).toBe(false);
    expect(spansOverlap(a, { startsAt: at('2026-03-05T00:00:00Z'), endsAt: at('2026-03-05T01:00:00Z') })).toBe(false);
    expect(spansOverlap(a, { startsAt: at('2026-03-04T00:00:00Z'), endsAt: at('2026-03-06T00:00:00Z') })).toBe(true);
  });

  it('gives an activity without an end an hour', () => {
    const open = { startsAt: at('2026-03-05T08:00:00Z'), endsAt: null };
    const minutes = (m: number) => ({ startsAt: new Date(open.startsAt.getTime() + m * 60_000), endsAt: null });
    expect(spansOverlap(open, minutes(ASSUMED_DURATION_MINUTES - 1))).toBe(true);
    expect(spansOverlap(open, minutes(ASSUMED_DURATION_MINUTES))).toBe(false);
  });

  it('needs two different recorded places', () => {
    const b = { startsAt: at('2026-03-05T02:00:00Z'), endsAt: null };
    expect(inTwoPlaces(a, { ...b, location: '江州市实验幼儿园' })).toBe(true);
    expect(inTwoPlaces(a, { ...b, location: ' 柳湾镇 中心幼儿园 ' })).toBe(false);
    expect(inTwoPlaces(a, { ...b, location: '' })).toBe(false);
    expect(inTwoPlaces({ ...a, location: '  ' }, { ...b, location: '江州市实验幼儿园' })).toBe(false);
    expect(inTwoPlaces(a, { startsAt: at('2026-03-06T02:00:00Z'), endsAt: null, location: '江州市实验幼儿园' })).toBe(false);
    expect(placeKey('Room  A')).toBe(placeKey('room a'));
  });
});

describe('late entry and capture dates', () => {
  it('is late only beyond the number of days, counted from the end when there is one', () => {
    const a = { startsAt: at('2026-03-01T01:00:00Z'), endsAt: null };
    expect(isLateEntry({ ...a, createdAt: at('2026-03-31T01:00:00Z') }, 30)).toBe(false);
    expect(isLateEntry({ ...a, createdAt: at('2026-03-31T01:00:01Z') }, 30)).toBe(true);
    expect(isLateEntry({ ...a, endsAt: at('2026-03-20T01:00:00Z'), createdAt: at('2026-04-01T01:00:00Z') }, 30)).toBe(false);
  });

  it('counts whole calendar days from the activity dates to the capture date', () => {
    expect(captureDaysOff('2026-03-05', '2026-03-05', '2026-03-05')).toBe(0);
    expect(captureDaysOff('2026-02-26', '2026-03-05', '2026-03-06')).toBe(7);
    expect(captureDaysOff('2026-03-14', '2026-03-05', '2026-03-06')).toBe(8);
    expect(isCaptureDateOff('2026-02-26', '2026-03-05', '2026-03-05', 7)).toBe(false);
    expect(isCaptureDateOff('2026-02-25', '2026-03-05', '2026-03-05', 7)).toBe(true);
    expect(isCaptureDateOff('2025-03-05', '2026-03-05', '2026-03-05', 7)).toBe(true);
  });

  it('weights a record by its kinds of signal', () => {
    expect([0, 1, 2, 6].map(drawWeight)).toEqual([1, 3, 5, 13]);
  });
});
