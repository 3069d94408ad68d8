import { describe, expect, it } from 'vitest';
import { drawSample, seededUniform, seededWords } from './draw';

const population = Array.from({ length: 40 }, (_, i) => ({ id: `act-${String(i).padStart(2, '0')}`, weight: 1 + 2 * (i % 3) }));

describe('the seeded generator', () => {
  it('gives the same words for the same seed and others for another seed', () => {
    const take = (seed: string) => {
      const next = seededWords(seed);
      return Array.from({ length: 5 }, next);
    };
    expect(take('2026-spring')).toEqual(take('2026-spring'));
    expect(take('2026-spring')).not.toEqual(take('2026-spring '));
    expect(take('抽查')).toEqual(take('抽查'));
  });

  it('stays strictly between 0 and 1 and spreads evenly', () => {
    const u = seededUniform('spread');
    const xs = Array.from({ length: 20_000 }, u);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });
});

describe('drawing a sample', () => {
  it('draws the same sample from the same seed and population, whatever order the population came in', () => {
    const first = drawSample(population, 8, 'seed-1');
    expect(drawSample(population, 8, 'seed-1')).toEqual(first);
    expect(drawSample([...population].reverse(), 8, 'seed-1')).toEqual(first);
    expect(new Set(first).size).toBe(8);
    expect(drawSample(population, 8, 'seed-2')).not.toEqual(first);
  });

  it('never draws a record twice and takes everyone when the sample is as large as the population', () => {
    expect(drawSample(population, 100, 'all').sort()).toEqual(population.map((p) => p.id));
    expect(drawSample(population, 0, 'none')).toEqual([]);
    expect(drawSample([], 5, 'empty')).toEqual([]);
  });

  it('favours heavier records', () => {
    // Half the population weighs 9, half 1: over many seeds heavy records fill most of the samples.
    const pop = Array.from({ length: 20 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, weight: i < 10 ? 9 : 1 }));
    let heavy = 0;
    for (let s = 0; s < 300; s++) heavy += drawSample(pop, 4, `s${s}`).filter((id) => Number(id.slice(1)) < 10).length;
    expect(heavy / (300 * 4)).toBeGreaterThan(0.75);
  });

  it('matches the documented algorithm on a known example (for anyone re-implementing it)', () => {
    // SHA-256('hand-in-hand') = daf1b776 3695774f 691eac73 686442af …, read as little-endian words, seeds sfc32.
    const next = seededWords('hand-in-hand');
    expect([next(), next(), next()]).toEqual([3752616680, 487486911, 964509165]);
    expect(drawSample(population, 5, 'hand-in-hand')).toEqual(['act-28', 'act-25', 'act-29', 'act-07', 'act-04']);
  });

  it('refuses a weight that is not positive', () => {
    expect(() => drawSample([{ id: 'a', weight: 0 }], 1, 'x')).toThrow();
  });
});
