/**
 * What a request asks for, apart from schemas.ts: the request form needs it in the browser, and
 * importing it from schemas.ts brought zod into its first load (docs/performance.md).
 */
export const REQUEST_KINDS = ['LECTURE_TOPIC', 'DEMONSTRATION_CLASS', 'ITEM', 'OTHER'] as const;
