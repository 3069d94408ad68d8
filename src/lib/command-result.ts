/**
 * What the core logic of a mutation returns: plain data the integration tests assert on, turned
 * into a localized ActionState by the thin 'use server' wrapper. Field errors are message keys.
 */
export type CommandError = 'notFound' | 'invalid' | 'notAllowed' | 'conflict' | 'wrongState';

export type CommandResult<T = { id: string }> =
  | { ok: true; value: T }
  | { ok: false; error: CommandError; fieldErrors?: Record<string, string[]> };

export const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const fail = (error: CommandError, fieldErrors?: Record<string, string[]>): { ok: false; error: CommandError; fieldErrors?: Record<string, string[]> } =>
  ({ ok: false, error, fieldErrors });
