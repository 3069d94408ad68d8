import { describe, expect, it } from 'vitest';
import { countyName } from './county';

describe('the county on a service record', () => {
  it('is read in the reader’s language', () => {
    const person = { county: '清河区', countyEn: 'Qinghe District' };
    expect(countyName(person, 'en')).toBe('Qinghe District');
    expect(countyName(person, 'zh')).toBe('清河区');
  });

  it('falls back to the Chinese name on prints made before the English one was kept', () => {
    expect(countyName({ county: '清河区' }, 'en')).toBe('清河区');
    expect(countyName({ county: '清河区', countyEn: null }, 'en')).toBe('清河区');
  });

  it('is none for a person without a kindergarten', () => {
    expect(countyName({ county: null, countyEn: null }, 'en')).toBeNull();
  });
});
