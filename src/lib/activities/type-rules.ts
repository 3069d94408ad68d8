/**
 * What each activity type asks for: the constants the activity form needs in the browser, apart
 * from rules.ts, whose date checks would bring a time-zone library into the form's first load.
 * rules.ts re-exports them: the server code imports them from there.
 */
import type { ActivityDirection, ActivityType, TargetArea } from '@/generated/prisma/enums';

export const ACTIVITY_TYPES = [
  'SENT_DEMONSTRATION',
  'SENT_LECTURE',
  'SENT_RESEARCH',
  'SPECIAL_LECTURE',
  'TEACHING_OBSERVATION',
  'TRAINING',
  'DAILY_OBSERVATION',
  'FOLLOW_UP_STUDY',
  'POST_EXCHANGE',
  'MENTORING',
  'RESOURCE_SHARING',
  'DONATION',
  'CHILDREN_EXCHANGE',
  'PARENT_ACTIVITY',
  'COMPETITION',
  'FELLOWSHIP',
] as const satisfies readonly ActivityType[];

export const DIRECTIONS = ['TO_ASSISTED', 'TO_SUPPORTING', 'JOINT'] as const satisfies readonly ActivityDirection[];
export const TARGET_AREAS = ['CONDITIONS', 'MANAGEMENT', 'TEACHERS', 'CHILDREN'] as const satisfies readonly TargetArea[];

type Use = 'required' | 'optional' | 'none';

export type TypeRule = {
  direction: ActivityDirection;
  targetArea: TargetArea;
  /** Class hours: where teaching happens. Sent teaching must state them (S2 sums them). */
  classHours: Use;
  /** Number of children: where children take part. */
  childCount: Use;
  donationLines: Use;
  /** Shared lesson plans and the like can happen without a place. */
  location: Use;
  /** Directions that make sense for the type (a donation always goes from one side to the other). */
  directions: readonly ActivityDirection[];
};

const ALL = DIRECTIONS;
const rule = (r: Partial<TypeRule> & Pick<TypeRule, 'direction' | 'targetArea'>): TypeRule => ({
  classHours: 'none',
  childCount: 'none',
  donationLines: 'none',
  location: 'required',
  directions: ALL,
  ...r,
});

export const TYPE_RULES: Record<ActivityType, TypeRule> = {
  SENT_DEMONSTRATION: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', classHours: 'required', childCount: 'optional' }),
  SENT_LECTURE: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', classHours: 'required' }),
  SENT_RESEARCH: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', classHours: 'required' }),
  SPECIAL_LECTURE: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', classHours: 'optional' }),
  // Rural teachers come to watch the urban kindergarten teach.
  TEACHING_OBSERVATION: rule({ direction: 'TO_SUPPORTING', targetArea: 'TEACHERS', classHours: 'optional', childCount: 'optional' }),
  TRAINING: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', classHours: 'optional' }),
  DAILY_OBSERVATION: rule({ direction: 'TO_ASSISTED', targetArea: 'MANAGEMENT', directions: ['TO_ASSISTED'] }),
  FOLLOW_UP_STUDY: rule({ direction: 'TO_SUPPORTING', targetArea: 'TEACHERS', classHours: 'optional', directions: ['TO_SUPPORTING'] }),
  POST_EXCHANGE: rule({ direction: 'JOINT', targetArea: 'MANAGEMENT' }),
  MENTORING: rule({ direction: 'JOINT', targetArea: 'TEACHERS', classHours: 'optional' }),
  RESOURCE_SHARING: rule({ direction: 'TO_ASSISTED', targetArea: 'TEACHERS', location: 'optional' }),
  DONATION: rule({
    direction: 'TO_ASSISTED',
    targetArea: 'CONDITIONS',
    donationLines: 'required',
    directions: ['TO_ASSISTED', 'TO_SUPPORTING'],
  }),
  CHILDREN_EXCHANGE: rule({ direction: 'JOINT', targetArea: 'CHILDREN', childCount: 'required' }),
  PARENT_ACTIVITY: rule({ direction: 'JOINT', targetArea: 'CHILDREN', childCount: 'optional' }),
  COMPETITION: rule({ direction: 'JOINT', targetArea: 'TEACHERS' }),
  FELLOWSHIP: rule({ direction: 'JOINT', targetArea: 'TEACHERS', childCount: 'optional' }),
};

/** Types whose class hours count as teaching (shown with the hours field). */
