import { z } from 'zod';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/hash';
import { generateOneTimePassword } from '@/lib/users/one-time-password';
import { EMAIL_PATTERN, MOBILE_PATTERN, normalizeEmail, normalizePhone } from '@/lib/staff/identifiers';
import { defaultTimeZone } from '@/lib/time/city-zone';

/**
 * A production deployment starts empty (the demo seed refuses to run there): this creates the city,
 * its counties/districts and the first city admin, who then creates everyone else in the app.
 * Run again, it adds counties that are missing and changes nothing that exists; it creates an
 * admin only while the city has no active city admin.
 */
const Region = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
});
export const CitySetupInput = z.object({
  city: Region.extend({ timeZone: z.string().refine(isTimeZone, 'unknown time zone').prefault(defaultTimeZone) }),
  counties: z.array(Region).min(1),
  admin: z.object({ name: z.string().trim().min(1).max(100), login: z.string().trim().min(1) }),
});
export type CitySetupInput = z.input<typeof CitySetupInput>;

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function loginFields(login: string): { phone: string } | { email: string } | null {
  if (login.includes('@')) {
    const email = normalizeEmail(login);
    return EMAIL_PATTERN.test(email) ? { email } : null;
  }
  const phone = normalizePhone(login);
  return MOBILE_PATTERN.test(phone) ? { phone } : null;
}

export type CitySetupResult = {
  cityId: string;
  countiesCreated: string[];
  /** Set when an admin was created: the one-time password must be changed at first sign-in. */
  admin: { login: string; oneTimePassword: string } | null;
};

export async function setUpCity(db: Db, raw: CitySetupInput): Promise<CitySetupResult> {
  const input = CitySetupInput.parse(raw);
  const login = loginFields(input.admin.login);
  if (!login) throw new Error(`The admin's login must be a mainland mobile number or an e-mail address: ${input.admin.login}`);
  const existingCity = await db.region.findUnique({ where: { code: input.city.code } });
  if (existingCity && existingCity.kind !== 'CITY') throw new Error(`Region ${input.city.code} exists and is not a city.`);

  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.$transaction(async (tx) => {
    const city =
      existingCity ??
      (await tx.region.create({
        data: {
          code: input.city.code,
          name: input.city.name,
          nameEn: input.city.nameEn || null,
          kind: 'CITY',
          timeZone: input.city.timeZone,
        },
      }));
    if (!existingCity) {
      await writeAudit(tx, {
        actor: null,
        action: 'setup.regionCreated',
        entityType: 'Region',
        entityId: city.id,
        after: { code: city.code, name: city.name, kind: 'CITY' },
      });
    }
    const countiesCreated: string[] = [];
    for (const c of input.counties) {
      const found = await tx.region.findUnique({ where: { code: c.code } });
      if (found) {
        if (found.parentId !== city.id) throw new Error(`Region ${c.code} exists and is not a county of ${city.code}.`);
        continue;
      }
      const county = await tx.region.create({
        data: { code: c.code, name: c.name, nameEn: c.nameEn || null, kind: 'COUNTY', parentId: city.id },
      });
      await writeAudit(tx, {
        actor: null,
        action: 'setup.regionCreated',
        entityType: 'Region',
        entityId: county.id,
        countyId: county.id,
        after: { code: county.code, name: county.name, kind: 'COUNTY' },
      });
      countiesCreated.push(c.code);
    }
    const hasAdmin = await tx.user.count({ where: { role: 'CITY_ADMIN', regionId: city.id, active: true } });
    if (hasAdmin) return { cityId: city.id, countiesCreated, admin: null };
    const taken = await tx.user.findFirst({ where: login, select: { id: true } });
    if (taken) throw new Error(`An account with the login ${input.admin.login} already exists.`);
    const admin = await tx.user.create({
      data: { name: input.admin.name, ...login, passwordHash, mustChangePassword: true, role: 'CITY_ADMIN', regionId: city.id },
    });
    await writeAudit(tx, {
      actor: null,
      action: 'user.created',
      entityType: 'User',
      entityId: admin.id,
      after: { name: admin.name, role: 'CITY_ADMIN', ...login },
    });
    return { cityId: city.id, countiesCreated, admin: { login: 'phone' in login ? login.phone : login.email, oneTimePassword } };
  });
}
