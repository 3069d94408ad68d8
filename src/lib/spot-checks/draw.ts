/**
 * The sample of a spot check (抽查), drawn so that anyone holding the seed and the population can draw
 * it again and get the same records (decision 019):
 *
 * 1. The population (done activities in scope and period, each with its weight 1 + 2 × kinds of
 *    signal) is sorted by id, comparing UTF-16 code units (JavaScript's default string order).
 * 2. A generator is seeded from the seed text: SHA-256 of its UTF-8 bytes; the first 16 bytes, read as
 *    four little-endian 32-bit words, are the state of sfc32 (Chris Doty-Humphrey's Small Fast
 *    Counting generator), which then runs 12 rounds before it is used.
 * 3. Each record in that order gets u = (next() + 0.5) / 2³² and the key ln(u) / weight
 *    (Efraimidis & Spirakis 2006, weighted sampling without replacement, algorithm A-ES).
 * 4. The records with the largest keys are the sample, largest first (ties: smaller id first).
 */
import { createHash } from 'node:crypto';

export const DRAW_ALGORITHM = 'efraimidis-spirakis-a-es/sfc32-sha256';
export const DRAW_VERSION = 1;

export type Weighted = { id: string; weight: number };

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** sfc32 seeded with the first 16 bytes of SHA-256(seed): uniform 32-bit words. */
export function seededWords(seed: string): () => number {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Uniform in (0, 1), never 0 (whose logarithm has no value) nor 1. */
export function seededUniform(seed: string): () => number {
  const next = seededWords(seed);
  return () => (next() + 0.5) / 2 ** 32;
}

/** The ids drawn, in the order drawn (largest key first). Weights must be positive. */
export function drawSample(population: readonly Weighted[], size: number, seed: string): string[] {
  if (population.some((p) => !(p.weight > 0))) throw new Error('every weight must be positive');
  const uniform = seededUniform(seed);
  const keyed = [...population].sort(byId).map((p) => ({ id: p.id, key: Math.log(uniform()) / p.weight }));
  keyed.sort((x, y) => y.key - x.key || byId(x, y));
  return keyed.slice(0, Math.max(0, Math.min(size, keyed.length))).map((k) => k.id);
}
