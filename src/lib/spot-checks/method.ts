/**
 * What a spot check keeps of how it was drawn (SpotCheck.method): enough for anyone to draw the same
 * sample again with ./draw.ts, and to see why each record weighed what it did.
 */
import { drawWeight, MIN_REUSED_TEXT_LENGTH, NEAR_DUPLICATE_MAX_DISTANCE, type SignalKind } from '@/lib/signals/rules';
import type { SignalSettings } from '@/lib/signals/sql';
import { DRAW_ALGORITHM, DRAW_VERSION, drawSample, type Weighted } from './draw';

export type DrawMethod = {
  algorithm: typeof DRAW_ALGORITHM;
  version: typeof DRAW_VERSION;
  weightRule: '1 + 2 × signal kinds';
  /** Thresholds in force when drawn (the signals weighting the draw depend on them). */
  settings: SignalSettings & { nearDuplicateMaxDistance: number; minReusedTextLength: number };
  timeZone: string;
  populationSize: number;
  /** Sorted by id: the order the generator's numbers are handed out in. */
  population: (Weighted & { kinds: SignalKind[] })[];
};

export function isDrawMethod(m: unknown): m is DrawMethod {
  const x = m as DrawMethod | null;
  return !!x && typeof x === 'object' && x.algorithm === DRAW_ALGORITHM && Array.isArray(x.population);
}

/** Draws again from the stored seed and population: the same ids in the same order, or the check fails. */
export function redraw(method: unknown, sampleSize: number, seed: string): string[] | null {
  if (!isDrawMethod(method) || method.version !== DRAW_VERSION) return null;
  return drawSample(method.population, sampleSize, seed);
}

/** The population as drawn: each record with its kinds of signal and weight, sorted by id. */
export function weighPopulation(ids: readonly string[], kinds: ReadonlyMap<string, SignalKind[]>): DrawMethod['population'] {
  return ids
    .map((id) => ({ id, weight: drawWeight(kinds.get(id)?.length ?? 0), kinds: kinds.get(id) ?? [] }))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function buildDrawMethod(population: DrawMethod['population'], settings: SignalSettings, timeZone: string): DrawMethod {
  return {
    algorithm: DRAW_ALGORITHM,
    version: DRAW_VERSION,
    weightRule: '1 + 2 × signal kinds',
    settings: {
      lateEntryDays: settings.lateEntryDays,
      captureDateToleranceDays: settings.captureDateToleranceDays,
      nearDuplicateMaxDistance: NEAR_DUPLICATE_MAX_DISTANCE,
      minReusedTextLength: MIN_REUSED_TEXT_LENGTH,
    },
    timeZone,
    populationSize: population.length,
    population,
  };
}
