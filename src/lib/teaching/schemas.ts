import { z } from 'zod';
import { DateString } from '@/lib/activities/schemas';

const REQUIRED = 'form.errors.required';
const TOO_LONG = 'form.errors.tooLong';
const text = (max: number) => z.string({ error: REQUIRED }).trim().max(max, { error: TOO_LONG });
const requiredText = (max: number) => text(max).min(1, { error: REQUIRED });
const optionalText = (max: number) => z.string().trim().max(max, { error: TOO_LONG }).optional().default('');
const id = z.string({ error: REQUIRED }).trim().min(1, { error: REQUIRED }).max(64);
const optionalDate = z.union([z.literal(''), DateString]).optional().transform((v) => v || null);
const version = z.coerce.number().int().min(0);

export const LESSON_DOMAINS = ['HEALTH', 'LANGUAGE', 'SOCIAL', 'SCIENCE', 'ART'] as const;
export const LESSON_RATINGS = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export const PAPER_KINDS = ['PUBLISHED', 'AWARD'] as const;
export const PAPER_LEVELS = ['COUNTY', 'MUNICIPAL', 'PROVINCIAL', 'NATIONAL'] as const;
export const PROGRAMME_KINDS = ['RESEARCH', 'PARENT_WORK', 'CHARACTERISTIC'] as const;

export const LessonInput = z.object({
  id: z.string().max(64).optional().transform((v) => v || null),
  version: version.optional(),
  heldOn: DateString,
  className: requiredText(50),
  domain: z.enum(LESSON_DOMAINS, { error: REQUIRED }),
  title: requiredText(200),
  plan: optionalText(20000),
  reflection: optionalText(20000),
});

export const EvaluateInput = z.object({
  id,
  version,
  rating: z.enum(LESSON_RATINGS, { error: REQUIRED }),
  comment: optionalText(2000),
});

export const MentorPairInput = z.object({
  pairingId: id,
  mentorId: id,
  apprenticeId: id,
  goals: optionalText(5000),
  startsOn: DateString,
  endsOn: optionalDate,
});

export const MentorPairUpdateInput = z.object({ id, version, goals: optionalText(5000), endsOn: optionalDate });

export const MentorSessionInput = z.object({
  mentorPairId: id,
  heldOn: DateString,
  topic: requiredText(200),
  notes: optionalText(20000),
});

export const PaperInput = z.object({
  title: requiredText(300),
  venue: requiredText(200),
  kind: z.enum(PAPER_KINDS, { error: REQUIRED }),
  level: z.enum(PAPER_LEVELS, { error: REQUIRED }),
  award: optionalText(50),
  date: DateString,
});
export const PaperRef = z.object({ id, version });
export const PaperUpdateInput = PaperInput.extend({ id, version });

export const ProgrammeInput = z.object({
  id: z.string().max(64).optional().transform((v) => v || null),
  version: version.optional(),
  pairingId: id,
  kind: z.enum(PROGRAMME_KINDS, { error: REQUIRED }),
  academicYear: z.coerce.number({ error: REQUIRED }).int().min(2000, { error: REQUIRED }).max(2100, { error: REQUIRED }),
  title: requiredText(200),
  plan: optionalText(20000),
  results: optionalText(20000),
});

export const ProgrammeRecordInput = z.object({
  programmeId: id,
  heldOn: DateString,
  title: requiredText(200),
  notes: optionalText(20000),
});

export const ANNUAL_PLAN_PARTS = ['content', 'goals', 'methods', 'steps', 'personnel', 'measures'] as const;
export const AnnualPlanInput = z.object({
  pairingId: id,
  academicYear: z.coerce.number().int().min(2000).max(2100),
  version: version.optional(),
  content: optionalText(20000),
  goals: optionalText(20000),
  methods: optionalText(20000),
  steps: optionalText(20000),
  personnel: optionalText(20000),
  measures: optionalText(20000),
  summary: optionalText(40000),
  /** What the button pressed asks for besides saving. */
  submit: z.enum(['', 'plan', 'summary']).optional().default(''),
});
