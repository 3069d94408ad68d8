import { z } from 'zod';
import { Role } from '@/generated/prisma/enums';
import { EMAIL_PATTERN, MOBILE_PATTERN, normalizeEmail, normalizePhone } from './identifiers';

export const StaffName = z.string().trim().min(1, 'form.errors.required').max(50, 'form.errors.tooLong');
export const StaffPhone = z
  .string()
  .transform(normalizePhone)
  .pipe(z.union([z.literal(''), z.string().regex(MOBILE_PATTERN, 'staff.errors.phone')]));
export const StaffEmail = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.union([z.literal(''), z.string().max(200, 'form.errors.tooLong').regex(EMAIL_PATTERN, 'staff.errors.email')]));

/** One account typed in the form: at least one sign-in (phone or e-mail). */
export const StaffInput = z
  .object({
    name: StaffName,
    phone: StaffPhone,
    email: StaffEmail,
    role: z.enum(Role, { message: 'form.errors.required' }),
    kindergartenId: z.string().max(64).default(''),
    regionId: z.string().max(64).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'staff.errors.loginRequired' });
  });
export type StaffInput = z.infer<typeof StaffInput>;
