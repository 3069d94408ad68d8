import { z } from 'zod';
import { Role } from '@/generated/prisma/enums';
import { BAD_CHARACTERS, hasForbiddenCharacters, idOrEmpty, requiredLine } from '@/lib/schema-fields';
import { EMAIL_PATTERN, MOBILE_PATTERN, normalizeEmail, normalizePhone } from './identifiers';

export const StaffName = requiredLine(50);
export const StaffPhone = z
  .string()
  .transform(normalizePhone)
  .pipe(z.union([z.literal(''), z.string().regex(MOBILE_PATTERN, 'staff.errors.phone')]));
export const StaffEmail = z
  .string()
  .transform(normalizeEmail)
  .pipe(
    z.union([
      z.literal(''),
      z
        .string()
        .max(200, 'form.errors.tooLong')
        .regex(EMAIL_PATTERN, 'staff.errors.email')
        .refine((v) => !hasForbiddenCharacters(v), BAD_CHARACTERS),
    ]),
  );

/** One account typed in the form: at least one sign-in (phone or e-mail). */
export const StaffInput = z
  .object({
    name: StaffName,
    phone: StaffPhone,
    email: StaffEmail,
    role: z.enum(Role, { message: 'form.errors.required' }),
    kindergartenId: idOrEmpty,
    regionId: idOrEmpty,
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'staff.errors.loginRequired' });
  });
export type StaffInput = z.infer<typeof StaffInput>;
