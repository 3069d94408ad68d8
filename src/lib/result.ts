/**
 * What every write returns: the core command (`<domain>/commands.ts`) is a plain function of
 * (actor, raw input, db) that tests, scripts and the API call directly; `runAction` in
 * `lib/action.ts` turns its result into the form's ActionState. Messages are catalogue keys,
 * translated only at the edge, in the reader's language.
 */
import { z } from 'zod';
import type { FieldChange } from '@/lib/conflict';

export type ErrorCode = 'invalid' | 'notFound' | 'notAllowed' | 'conflict' | 'wrongState';

/** A catalogue key, with values for its placeholders when it has any. */
export type Message = string | { key: string; values?: Record<string, string | number> };

export type FieldErrors = Record<string, Message[]>;

/** Someone saved first: the stored version, and (where the form can show it) what differs and who saved. */
export type Conflict = { version: number; changes?: FieldChange[]; updatedBy?: string | null; updatedAt?: string | null };

export type Failure = {
  ok: false;
  error: ErrorCode;
  /** 'invalid': message keys per form field (a key that names no field is shown above the form). */
  fieldErrors?: FieldErrors;
  /** Replaces the default sentence for the error code. */
  message?: Message;
  conflict?: Conflict;
};

export type Result<T = { id: string }> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail(error: ErrorCode, extra: Omit<Failure, 'ok' | 'error'> = {}): Failure {
  return { ok: false, error, ...extra };
}

export const invalid = (fieldErrors: FieldErrors, message?: Message): Failure => fail('invalid', { fieldErrors, message });

/**
 * The one way a zod error becomes field errors: by the first segment of its path (a repeated
 * field's issues show once beside it), each message key once.
 */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, Message[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'form';
    const list = (out[key] ??= []);
    if (list.some((m) => (typeof m === 'string' ? m : m.key) === issue.message)) continue;
    // A rule that fills placeholders (a date's allowed range) puts their values in the issue's params.
    const values = issue.code === 'custom' ? (issue.params?.values as Record<string, string | number> | undefined) : undefined;
    list.push(values ? { key: issue.message, values } : issue.message);
  }
  return out;
}

/** Parses a command's raw input; a failure is already the command's answer. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; value: z.infer<S> } | Failure {
  const parsed = schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : invalid(zodFieldErrors(parsed.error));
}

/** Prisma's answer when an update's WHERE (id and version) matched no row. */
export const isStaleWrite = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2025';

/**
 * Runs a write whose versioned update carries the version in its WHERE (`update({ where: { id,
 * version } })`): when someone saved in between, nothing is written and the answer is 'conflict'.
 * A version compared before the write instead lets two concurrent saves both succeed.
 */
export async function versioned<T>(
  write: () => Promise<T>,
  onConflict: () => Failure | Promise<Failure> = () => fail('conflict'),
): Promise<Result<T>> {
  try {
    return ok(await write());
  } catch (e) {
    if (isStaleWrite(e)) return onConflict();
    throw e;
  }
}
