/**
 * A pairing's four goals, apart from schemas.ts: the pairing form needs them in the browser, and
 * importing them from schemas.ts brought zod into its first load (docs/performance.md).
 */
export const GOAL_FIELDS = ['goalConditions', 'goalManagement', 'goalTeachers', 'goalChildren'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];
