import { describe, expect, it } from 'vitest';
import { safeAppPath } from './href';

describe('where a notification may lead', () => {
  it('keeps paths of this app, with their query and fragment', () => {
    expect(safeAppPath('/activities/abc')).toBe('/activities/abc');
    expect(safeAppPath('/requests#request-abc')).toBe('/requests#request-abc');
    expect(safeAppPath('/annual-plans/p1/2025?saved=1')).toBe('/annual-plans/p1/2025?saved=1');
  });

  it('refuses anything that could lead to another site', () => {
    for (const href of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/x\\y',
      'javascript:alert(1)',
      '',
      'activities/1',
      '/a\nb',
    ])
      expect(safeAppPath(href), href).toBeNull();
  });
});
