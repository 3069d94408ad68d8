/**
 * A published commendation round for the previous cycle (2023–2025, issue 14): in 清河区 the pairing
 * 江州市实验幼儿园 — 柳湾镇中心幼儿园 (QH-01 → QH-04) and the demo teacher of 江州市实验幼儿园 were commended,
 * so /commendations, the certificates and the teacher's service record show something on a fresh start.
 */
import type { PrismaClient } from '@/generated/prisma/client';
import { DEMO_ACCOUNTS } from '../tests/fixtures/demo-accounts';

export async function seedCommendations(db: PrismaClient) {
  const city = await db.user.findFirst({ where: { role: 'CITY_ADMIN' }, select: { id: true } });
  const county = await db.user.findFirst({
    where: { role: 'COUNTY_ADMIN', region: { code: 'JZ-QH' } },
    select: { id: true, regionId: true },
  });
  const cycle = await db.cycle.findUnique({ where: { startYear: 2023 }, select: { id: true } });
  const pairing =
    cycle && (await db.pairing.findFirst({ where: { cycleId: cycle.id, supporting: { code: 'QH-01' }, assisted: { code: 'QH-04' } } }));
  const teacher = await db.user.findUnique({ where: { phone: DEMO_ACCOUNTS.teacher }, select: { id: true } });
  if (!city || !county?.regionId || !cycle || !pairing || !teacher) return;
  const publishedAt = new Date('2025-09-20T02:00:00Z');
  await db.commendationRound.create({
    data: {
      cycleId: cycle.id,
      title: '2023—2025 周期城乡幼儿园结对帮扶工作表彰',
      body: '经各县区推荐、市教育局审定，对在 2023—2025 周期城乡幼儿园结对帮扶工作中成绩突出的结对和个人予以表彰。',
      status: 'PUBLISHED',
      publishedAt,
      createdById: city.id,
      categories: {
        create: [
          {
            kind: 'PAIRING',
            name: '城乡结对帮扶优秀结对',
            quotaPerCounty: 1,
            nominations: {
              create: {
                countyId: county.regionId,
                pairingId: pairing.id,
                status: 'APPROVED',
                nominatedById: county.id,
                decidedById: city.id,
                decidedAt: publishedAt,
              },
            },
          },
          {
            kind: 'TEACHER',
            name: '城乡结对帮扶优秀教师',
            quotaPerCounty: 2,
            nominations: {
              create: {
                countyId: county.regionId,
                userId: teacher.id,
                fromShortlist: false,
                reason: '两年送教下乡 40 余课时，带教柳湾镇中心幼儿园青年教师两名。',
                status: 'APPROVED',
                nominatedById: county.id,
                decidedById: city.id,
                decidedAt: publishedAt,
              },
            },
          },
        ],
      },
    },
  });
}
