/**
 * The rules behind the signals (reasons for the bureau to look at a record, never verdicts), as pure
 * functions. The SQL in ./sql.ts applies the same rules to the whole city at read time; the constants
 * here are handed to it, and tests/integration/signals.test.ts checks that both agree (decision 019).
 */

export const SIGNAL_KINDS = ['lateEntry', 'afterClose', 'similarPhoto', 'captureDate', 'reusedText', 'twoPlaces'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const isSignalKind = (s: unknown): s is SignalKind => SIGNAL_KINDS.includes(s as SignalKind);

// ── Photos ─────────────────────────────────────────────────────────────────────────────────────
/**
 * Two 64-bit perceptual hashes at most this many bits apart are "the same picture". Measured here
 * (decision 019): re-encoding and resizing moves a photo 0–4 bits, a 5 % crop with a brightness change
 * up to 12; different pictures were never closer than 19.
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 10;

const PHASH = /^[0-9a-f]{16}$/;
export const isPhash = (s: unknown): s is string => typeof s === 'string' && PHASH.test(s);

/** sharp-phash answers 64 characters of '0'/'1'; the database keeps 16 hex digits. */
export function bitsToHex(bits: string): string {
  if (!/^[01]{64}$/.test(bits)) throw new Error('a perceptual hash has 64 bits');
  return BigInt(`0b${bits}`).toString(16).padStart(16, '0');
}

/** Bits that differ between two hashes (16 hex digits each). */
export function hammingDistance(a: string, b: string): number {
  if (!isPhash(a) || !isPhash(b)) throw new Error('not a 64-bit hash');
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

export const isNearDuplicate = (a: string, b: string) => hammingDistance(a, b) <= NEAR_DUPLICATE_MAX_DISTANCE;

// ── Text ───────────────────────────────────────────────────────────────────────────────────────
/** Texts shorter than this (spaces not counted) are too common to mean anything when they repeat. */
export const MIN_REUSED_TEXT_LENGTH = 80;

/**
 * Written so that JavaScript and PostgreSQL's regular expressions read them alike (both know
 * \uXXXX; PostgreSQL refuses \s inside brackets): zero-width characters, and spaces of every kind
 * (tabs, line breaks, no-break and ideographic full-width spaces).
 */
export const INVISIBLE_CHARS = '[\\u200b-\\u200d\\u2060\\ufeff]';
export const SPACE_RUN = '[\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';

/**
 * A text as compared for reuse: every space and zero-width character taken out. Chinese puts no
 * spaces between words, so a paragraph copied into another record and re-wrapped differs only in
 * where its line breaks fall; ignoring them all catches it.
 */
export function normaliseForReuse(s: string): string {
  return s.replace(new RegExp(INVISIBLE_CHARS, 'g'), '').replace(new RegExp(SPACE_RUN, 'g'), '');
}

/** The text as compared, or null when it is too short to count (length in characters, not UTF-16 units). */
export function reusableText(s: string): string | null {
  const n = normaliseForReuse(s);
  return [...n].length >= MIN_REUSED_TEXT_LENGTH ? n : null;
}

// ── Times and places ───────────────────────────────────────────────────────────────────────────
/** An activity recorded without an end is taken to last this long. */
export const ASSUMED_DURATION_MINUTES = 60;

export type Span = { startsAt: Date; endsAt: Date | null };

export function spanEnd(s: Span): Date {
  return s.endsAt ?? new Date(s.startsAt.getTime() + ASSUMED_DURATION_MINUTES * 60_000);
}

/** Two activities overlap when each starts before the other ends (touching ends do not overlap). */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.startsAt < spanEnd(b) && b.startsAt < spanEnd(a);
}

/** A place as compared: case and every space ignored. */
export function placeKey(location: string): string {
  return normaliseForReuse(location).toLowerCase();
}

/**
 * The same person at two activities in different places at once. An activity without a recorded
 * place says nothing about where people were, so it never counts.
 */
export function inTwoPlaces(a: Span & { location: string }, b: Span & { location: string }): boolean {
  const [pa, pb] = [placeKey(a.location), placeKey(b.location)];
  return pa !== '' && pb !== '' && pa !== pb && spansOverlap(a, b);
}

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────
const DAY_MS = 86_400_000;

/**
 * Entered more than `lateEntryDays` after the activity: counted from its end when it has one (a
 * month-long posting is written up when it ends), otherwise from its start.
 */
export function isLateEntry(a: Span & { createdAt: Date }, lateEntryDays: number): boolean {
  return a.createdAt.getTime() - (a.endsAt ?? a.startsAt).getTime() > lateEntryDays * DAY_MS;
}

/** Whole days from the activity's dates (city calendar, YYYY-MM-DD) to a photo's capture date; 0 inside. */
export function captureDaysOff(captured: string, first: string, last: string): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
  if (captured < first) return day(first) - day(captured);
  if (captured > last) return day(captured) - day(last);
  return 0;
}

export const isCaptureDateOff = (captured: string, first: string, last: string, toleranceDays: number) =>
  captureDaysOff(captured, first, last) > toleranceDays;

// ── Spot checks ────────────────────────────────────────────────────────────────────────────────
/** A record's weight in a spot check's draw: records with more kinds of signal are likelier drawn. */
export const drawWeight = (signalKinds: number) => 1 + 2 * signalKinds;
