import { describe, expect, it } from 'vitest';
import { filtersQuery, parseFilters } from './filters';

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
