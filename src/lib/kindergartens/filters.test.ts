import { describe, expect, it } from 'vitest';
import { dateInZone, filtersQuery, parseFilters } from './filters';

describe('kindergarten list filters', () => {
  it('reads known values and ignores the rest', () => {
    const f = parseFilters({ q: ' 柳湾 ', area: 'RURAL', level: 'BOGUS', paired: 'no', status: 'x', page: '2', county: '' });
    expect(f).toEqual({ q: '柳湾', area: 'RURAL', level: undefined, paired: 'no', status: 'active', page: 2, county: undefined });
  });
  it('writes them back without defaults', () => {
    expect(filtersQuery(parseFilters({ area: 'URBAN', status: 'all' }))).toBe('?area=URBAN&status=all');
    expect(filtersQuery(parseFilters({}))).toBe('');
  });
});

describe('dateInZone', () => {
  it('uses the city clock: 20:00 UTC is already the next day in Shanghai', () => {
    expect(dateInZone(new Date('2026-08-31T20:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(dateInZone(new Date('2026-08-31T15:59:59Z'), 'Asia/Shanghai').toISOString()).toBe('2026-08-31T00:00:00.000Z');
  });
});
