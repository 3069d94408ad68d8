import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { setUpCity } from '@/lib/setup/city';
import { verifyPassword } from '@/lib/auth/hash';
import { uniqueSuffix } from '../fixtures/factories';

describe('setting up a production city', () => {
  it('creates the city, its counties and a first city admin who must change the one-time password', async () => {
    const s = uniqueSuffix();
    const phone = `137${String(Date.now()).slice(-8)}`;
    const r = await setUpCity(db, {
      city: { code: `C-${s}`, name: '测试市', nameEn: 'Test City' },
      counties: [
        { code: `C-${s}-1`, name: '一区', nameEn: 'District One' },
        { code: `C-${s}-2`, name: '二县' },
      ],
      admin: { name: '张明', login: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` },
    });
    expect(r.countiesCreated).toEqual([`C-${s}-1`, `C-${s}-2`]);
    expect(r.admin?.login).toBe(phone);
    const counties = await db.region.findMany({
      where: { parentId: r.cityId },
      orderBy: { code: 'asc' },
      select: { name: true, nameEn: true, kind: true },
    });
    expect(counties).toEqual([
      { name: '一区', nameEn: 'District One', kind: 'COUNTY' },
      { name: '二县', nameEn: null, kind: 'COUNTY' },
    ]);
    const admin = await db.user.findUniqueOrThrow({ where: { phone } });
    expect(admin).toMatchObject({ role: 'CITY_ADMIN', regionId: r.cityId, mustChangePassword: true, active: true });
    expect(await verifyPassword(admin.passwordHash, r.admin!.oneTimePassword)).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: { in: [r.cityId, admin.id] } } })).toBe(2);

    // Again, with one more county: the county is added, nothing else changes, no second admin.
    const again = await setUpCity(db, {
      city: { code: `C-${s}`, name: '改名也不会生效' },
      counties: [
        { code: `C-${s}-1`, name: '一区' },
        { code: `C-${s}-3`, name: '三区' },
      ],
      admin: { name: '李四', login: 'li.si@example.cn' },
    });
    expect(again).toEqual({ cityId: r.cityId, countiesCreated: [`C-${s}-3`], admin: null });
    expect(await db.region.findUniqueOrThrow({ where: { id: r.cityId } })).toMatchObject({ name: '测试市' });
    expect(await db.user.count({ where: { email: 'li.si@example.cn' } })).toBe(0);
  });

  it('refuses a login that is neither a mobile number nor an e-mail, and a county of another city, writing nothing', async () => {
    const s = uniqueSuffix();
    await expect(
      setUpCity(db, {
        city: { code: `X-${s}`, name: '某市' },
        counties: [{ code: `X-${s}-1`, name: '某区' }],
        admin: { name: '王', login: '12345' },
      }),
    ).rejects.toThrow(/mobile number or an e-mail/);
    expect(await db.region.count({ where: { code: { startsWith: `X-${s}` } } })).toBe(0);

    await setUpCity(db, {
      city: { code: `Y-${s}`, name: '乙市' },
      counties: [{ code: `Y-${s}-1`, name: '乙区' }],
      admin: { name: '王', login: `wang.${s}@example.cn`.toLowerCase() },
    });
    await expect(
      setUpCity(db, {
        city: { code: `Z-${s}`, name: '丙市' },
        counties: [{ code: `Y-${s}-1`, name: '乙区' }],
        admin: { name: '赵', login: `zhao.${s}@example.cn`.toLowerCase() },
      }),
    ).rejects.toThrow(/not a county of/);
    expect(await db.region.count({ where: { code: `Z-${s}` } })).toBe(0);
  });
});
