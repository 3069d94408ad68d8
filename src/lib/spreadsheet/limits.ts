/**
 * The size an import file may have. Shared with the browser, which refuses a larger file before
 * sending it: a body over the server actions' limit (next.config.ts) never reaches our code, and
 * would end on the error page instead of this sentence.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;

export const fileTooLarge = (size: number) => size > MAX_FILE_BYTES;
