import { describe, expect, it } from 'vitest';
import { dateOnly } from '@/lib/time/date-only';
import {
  deadlineAllowed,
  isFinding,
  isOverdue,
  isOverdueAt,
  mayAnswer,
  mayReview,
  offeredWith,
  overdueWhere,
  reviewOutcome,
  shortText,
  statusFilterWhere,
} from './rules';

describe('overdue', () => {
  it('starts the day after the deadline: the deadline day itself is in time', () => {
    expect(isOverdue('OPEN', '2026-03-10', '2026-03-09')).toBe(false);
    expect(isOverdue('OPEN', '2026-03-10', '2026-03-10')).toBe(false);
    expect(isOverdue('OPEN', '2026-03-10', '2026-03-11')).toBe(true);
    expect(isOverdue('RETURNED', '2026-03-10', '2026-03-11')).toBe(true);
  });

  it('never for an answered one (it waits for the office) or a closed one', () => {
    expect(isOverdue('ANSWERED', '2026-03-10', '2027-01-01')).toBe(false);
    expect(isOverdue('CLOSED', '2026-03-10', '2027-01-01')).toBe(false);
  });

  it('turns at midnight on the city’s wall clock, not at UTC midnight', () => {
    // 23:59 on the deadline day in Shanghai is 15:59 UTC; 00:00 the next day is 16:00 UTC.
    expect(isOverdueAt('OPEN', '2026-03-10', new Date('2026-03-10T15:59:59Z'), 'Asia/Shanghai')).toBe(false);
    expect(isOverdueAt('OPEN', '2026-03-10', new Date('2026-03-10T16:00:00Z'), 'Asia/Shanghai')).toBe(true);
    // Already the 11th in UTC, still the 10th in a zone behind it.
    expect(isOverdueAt('OPEN', '2026-03-10', new Date('2026-03-11T03:00:00Z'), 'America/New_York')).toBe(false);
  });

  it('as a database filter: the same statuses, and the deadline strictly before the city’s today', () => {
    expect(overdueWhere('2026-03-11')).toEqual({ status: { in: ['OPEN', 'RETURNED'] }, deadline: { lt: dateOnly('2026-03-11') } });
    // "Due" (waiting, in time) and "overdue" split the waiting ones at the same day.
    expect(statusFilterWhere('due', '2026-03-11')).toEqual({
      status: { in: ['OPEN', 'RETURNED'] },
      deadline: { gte: dateOnly('2026-03-11') },
    });
    expect(statusFilterWhere('open', '2026-03-11')).toEqual({ status: { in: ['OPEN', 'RETURNED'] } });
    expect(statusFilterWhere('answered', '2026-03-11')).toEqual({ status: 'ANSWERED' });
  });
});

describe('transitions', () => {
  it('the kindergarten answers while open or returned; the office reviews an answered one', () => {
    expect(['OPEN', 'ANSWERED', 'RETURNED', 'CLOSED'].filter((s) => mayAnswer(s as never))).toEqual(['OPEN', 'RETURNED']);
    expect(['OPEN', 'ANSWERED', 'RETURNED', 'CLOSED'].filter((s) => mayReview(s as never))).toEqual(['ANSWERED']);
  });

  it('accepting closes it; returning sends it back to the kindergarten', () => {
    expect(reviewOutcome('accept')).toBe('CLOSED');
    expect(reviewOutcome('return')).toBe('RETURNED');
  });

  it('only a failed or partly met item is a finding', () => {
    expect(isFinding('FAILS')).toBe(true);
    expect(isFinding('PARTLY')).toBe(true);
    expect(isFinding('MEETS')).toBe(false);
    expect(isFinding('NOT_APPLICABLE')).toBe(false);
    expect(isFinding(null)).toBe(false);
  });

  it('a deadline is a day after today at the earliest', () => {
    expect(deadlineAllowed('2026-03-10', '2026-03-10')).toBe(false);
    expect(deadlineAllowed('2026-03-09', '2026-03-10')).toBe(false);
    expect(deadlineAllowed('2026-03-11', '2026-03-10')).toBe(true);
  });
});

describe('evidence of an answer', () => {
  const sent = new Date('2026-03-10T02:00:00Z');
  it('is what was attached when it was sent', () => {
    expect(offeredWith({ createdAt: new Date('2026-03-09T02:00:00Z'), deletedAt: null }, sent)).toBe(true);
    expect(offeredWith({ createdAt: sent, deletedAt: null }, sent)).toBe(true);
    expect(offeredWith({ createdAt: new Date('2026-03-10T02:00:01Z'), deletedAt: null }, sent)).toBe(false);
  });

  it('includes a file removed later, not one removed before', () => {
    const createdAt = new Date('2026-03-09T02:00:00Z');
    expect(offeredWith({ createdAt, deletedAt: new Date('2026-03-12T00:00:00Z') }, sent)).toBe(true);
    expect(offeredWith({ createdAt, deletedAt: new Date('2026-03-09T03:00:00Z') }, sent)).toBe(false);
  });
});

describe('short text for a title', () => {
  it('keeps a short requirement and cuts a long one on one line', () => {
    expect(shortText('补齐记录')).toBe('补齐记录');
    expect(shortText('一\n二   三')).toBe('一 二 三');
    const long = '甲'.repeat(50);
    expect(shortText(long)).toHaveLength(40);
    expect(shortText(long).endsWith('…')).toBe(true);
  });
});
