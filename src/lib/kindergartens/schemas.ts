import { z } from 'zod';
import { AreaType, DemoLevel } from '@/generated/prisma/enums';
import { requiredId, requiredText, safeText } from '@/lib/schema-fields';
import { CODE_PATTERN, CONTACT_PHONE_PATTERN, countProblems, normalizeCode, parseCount, type CountField } from './rules';

// Messages are keys of the root catalogue, translated at the edge by runAction (src/lib/action.ts).
const E = {
  required: 'form.errors.required',
  tooLong: 'form.errors.tooLong',
  notANumber: 'form.errors.notANumber',
  invalid: 'form.errors.invalid',
} as const;

const count = z.string().transform((s, ctx) => {
  const n = parseCount(s);
  if (n == null) {
    ctx.addIssue({ code: 'custom', message: E.notANumber });
    return z.NEVER;
  }
  return n;
});

const profileShape = {
  address: safeText(200),
  contactName: safeText(50),
  contactPhone: safeText(32).regex(CONTACT_PHONE_PATTERN, 'kindergartens.errors.contactPhone'),
  classCount: count,
  childCount: count,
  teacherCount: count,
  staffCount: count,
};

function checkCounts(v: Record<CountField, number>, ctx: z.RefinementCtx) {
  for (const p of countProblems(v)) ctx.addIssue({ code: 'custom', path: [p.field], message: `kindergartens.errors.${p.key}` });
}

const version = z.string().regex(/^\d+$/, E.invalid).transform(Number);

/** What a director keeps up to date: counts, address and contact. */
export const KindergartenProfileInput = z.object({ ...profileShape, version }).superRefine(checkCounts);

const fullShape = {
  code: z
    .string()
    .transform(normalizeCode)
    .pipe(z.string().min(1, E.required).max(32, E.tooLong).regex(CODE_PATTERN, 'kindergartens.errors.code')),
  name: requiredText(100),
  countyId: requiredId,
  area: z.enum(AreaType, { message: E.required }),
  level: z.enum(DemoLevel, { message: E.required }),
  ...profileShape,
};

export const KindergartenCreateInput = z.object(fullShape).superRefine(checkCounts);
export const KindergartenUpdateInput = z.object({ ...fullShape, version }).superRefine(checkCounts);

export type KindergartenCreate = z.infer<typeof KindergartenCreateInput>;
export type KindergartenProfile = z.infer<typeof KindergartenProfileInput>;

export const KINDERGARTEN_FIELDS = [
  'code',
  'name',
  'countyId',
  'area',
  'level',
  'address',
  'contactName',
  'contactPhone',
  'classCount',
  'childCount',
  'teacherCount',
  'staffCount',
] as const;
export const PROFILE_FIELDS = ['address', 'contactName', 'contactPhone', 'classCount', 'childCount', 'teacherCount', 'staffCount'] as const;

/** Which kindergarten, and which form: the mode only picks the schema; the permission for it is checked against the row. */
export const KindergartenRef = z.object({ id: requiredId, mode: z.enum(['full', 'profile']).catch('profile') });
export const KindergartenActiveInput = z.object({ id: requiredId, active: z.enum(['true', 'false']).transform((v) => v === 'true') });
