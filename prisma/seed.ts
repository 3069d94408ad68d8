/**
 * Demo data: a believable (fictional) city, 江州市, with four counties/districts, 30 kindergartens
 * and an account for every role. Runs on an empty database only (npm start calls it on first run).
 * Refuses a production deployment (APP_ENV=production) unless SEED_ALLOW_PRODUCTION=1.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import type { AreaType, DemoLevel } from '@/generated/prisma/enums';
import {
  createCity,
  createCounty,
  createCycle,
  createKindergarten,
  createPairing,
  createUser,
  setMaxAssisted,
} from '../tests/fixtures/factories';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../tests/fixtures/demo-accounts';
import { seedActivities } from './seed-activities';
import { seedEffects } from './seed-effects';
import { seedInspections } from './seed-inspections';
import { seedRectifications } from './seed-rectifications';
import { seedSpotChecks } from './seed-spot-checks';
import { seedBulletins } from './seed-bulletins';
import { seedCommendations } from './seed-commendations';
import { seedAnnualReviews } from './seed-annual-plans';
import { seedReminders } from './seed-reminders';
import { seedCycleReview } from './seed-cycle-review';
import { seedNotifications } from './seed-notifications';

type KgSeed = [code: string, name: string, area: AreaType, level: DemoLevel, classes: number, address: string];

const COUNTIES: { code: string; name: string; nameEn: string; admin: string; kindergartens: KgSeed[] }[] = [
  {
    code: 'JZ-QH',
    name: '清河区',
    nameEn: 'Qinghe District',
    admin: 'qinghe',
    kindergartens: [
      ['QH-01', '江州市实验幼儿园', 'URBAN', 'PROVINCIAL', 18, '清河区文昌路 18 号'],
      ['QH-02', '清河区机关幼儿园', 'URBAN', 'MUNICIPAL', 12, '清河区人民路 66 号'],
      ['QH-03', '清河区阳光幼儿园', 'URBAN', 'COUNTY', 9, '清河区滨江大道 101 号'],
      ['QH-04', '清河区柳湾镇中心幼儿园', 'RURAL', 'NONE', 6, '清河区柳湾镇柳湾街 3 号'],
      ['QH-05', '清河区石桥乡幼儿园', 'RURAL', 'NONE', 4, '清河区石桥乡石桥村'],
      ['QH-06', '清河区白沙镇幼儿园', 'RURAL', 'NONE', 5, '清河区白沙镇新街 12 号'],
      ['QH-07', '清河区新华幼儿园', 'URBAN', 'NONE', 8, '清河区新华路 9 号'],
    ],
  },
  {
    code: 'JZ-DS',
    name: '东山县',
    nameEn: 'Dongshan County',
    admin: 'dongshan',
    kindergartens: [
      ['DS-01', '东山县实验幼儿园', 'URBAN', 'MUNICIPAL', 15, '东山县城关镇东山大道 8 号'],
      ['DS-02', '东山县城关第二幼儿园', 'URBAN', 'COUNTY', 10, '东山县城关镇解放路 27 号'],
      ['DS-03', '东山县桃源镇中心幼儿园', 'RURAL', 'NONE', 6, '东山县桃源镇'],
      ['DS-04', '东山县梅岭乡幼儿园', 'RURAL', 'NONE', 3, '东山县梅岭乡梅岭村'],
      ['DS-05', '东山县青龙镇幼儿园', 'RURAL', 'NONE', 5, '东山县青龙镇青龙街 5 号'],
      ['DS-06', '东山县双河乡幼儿园', 'RURAL', 'NONE', 3, '东山县双河乡'],
      ['DS-07', '东山县红旗镇中心幼儿园', 'RURAL', 'COUNTY', 7, '东山县红旗镇'],
      ['DS-08', '东山县金沙乡幼儿园', 'RURAL', 'NONE', 4, '东山县金沙乡金沙村'],
    ],
  },
  {
    code: 'JZ-XL',
    name: '西岭县',
    nameEn: 'Xiling County',
    admin: 'xiling',
    kindergartens: [
      ['XL-01', '西岭县第一幼儿园', 'URBAN', 'MUNICIPAL', 14, '西岭县城西路 2 号'],
      ['XL-02', '西岭县育才幼儿园', 'URBAN', 'COUNTY', 9, '西岭县育才路 16 号'],
      ['XL-03', '西岭县高坪镇幼儿园', 'RURAL', 'NONE', 5, '西岭县高坪镇'],
      ['XL-04', '西岭县松林乡幼儿园', 'RURAL', 'NONE', 3, '西岭县松林乡'],
      ['XL-05', '西岭县龙潭镇中心幼儿园', 'RURAL', 'NONE', 6, '西岭县龙潭镇龙潭街 1 号'],
      ['XL-06', '西岭县竹园乡幼儿园', 'RURAL', 'NONE', 3, '西岭县竹园乡'],
      ['XL-07', '西岭县马坝镇幼儿园', 'RURAL', 'NONE', 4, '西岭县马坝镇'],
    ],
  },
  {
    code: 'JZ-NH',
    name: '南湖县',
    nameEn: 'Nanhu County',
    admin: 'nanhu',
    kindergartens: [
      ['NH-01', '南湖县实验幼儿园', 'URBAN', 'PROVINCIAL', 16, '南湖县湖滨路 1 号'],
      ['NH-02', '南湖县爱心幼儿园', 'URBAN', 'COUNTY', 8, '南湖县建设路 45 号'],
      ['NH-03', '南湖县荷塘镇幼儿园', 'RURAL', 'NONE', 5, '南湖县荷塘镇'],
      ['NH-04', '南湖县渔村乡幼儿园', 'RURAL', 'NONE', 3, '南湖县渔村乡'],
      ['NH-05', '南湖县长岗镇中心幼儿园', 'RURAL', 'NONE', 6, '南湖县长岗镇'],
      ['NH-06', '南湖县芦苇乡幼儿园', 'RURAL', 'NONE', 3, '南湖县芦苇乡'],
      ['NH-07', '南湖县新桥镇幼儿园', 'RURAL', 'NONE', 4, '南湖县新桥镇'],
      ['NH-08', '南湖县明德幼儿园', 'URBAN', 'NONE', 6, '南湖县明德路 30 号'],
    ],
  },
];

/**
 * Pairings per county, [supporting, assisted, note]. Previous cycle (2023–2025), then the current one
 * (2025–2027); a current pairing whose pair also existed before continues it (previousId), as does one
 * whose assisted kindergarten changed supporter. In 清河区, QH-03 keeps a free slot and QH-07 (urban,
 * no demonstration level) is unpaired, so the demo and the browser tests can form a new pairing.
 */
type PairSeed = [supporting: string, assisted: string, opts?: { endsOn?: string; endReason?: string; continues?: string }];
const PREVIOUS_PAIRS: PairSeed[] = [
  ['QH-01', 'QH-04'],
  ['QH-01', 'QH-05'],
  ['QH-02', 'QH-06'],
  ['DS-01', 'DS-03'],
  ['DS-01', 'DS-04'],
  ['DS-02', 'DS-05'],
  ['DS-02', 'DS-06'],
  ['XL-01', 'XL-03'],
  ['XL-02', 'XL-04'],
  ['NH-01', 'NH-03'],
  ['NH-02', 'NH-04'],
];
const CURRENT_PAIRS: PairSeed[] = [
  ['QH-01', 'QH-04', { continues: 'QH-01>QH-04' }],
  ['QH-02', 'QH-05', { continues: 'QH-01>QH-05' }],
  ['QH-02', 'QH-06', { continues: 'QH-02>QH-06' }],
  ['DS-01', 'DS-03', { continues: 'DS-01>DS-03' }],
  ['DS-01', 'DS-04', { continues: 'DS-01>DS-04' }],
  ['DS-02', 'DS-05', { continues: 'DS-02>DS-05' }],
  ['DS-07', 'DS-08'],
  ['XL-01', 'XL-03', { continues: 'XL-01>XL-03' }],
  ['XL-01', 'XL-05'],
  ['XL-02', 'XL-04', { continues: 'XL-02>XL-04' }],
  ['XL-02', 'XL-06'],
  ['NH-01', 'NH-03', { continues: 'NH-01>NH-03' }],
  ['NH-01', 'NH-05'],
  ['NH-02', 'NH-04', { continues: 'NH-02>NH-04' }],
  ['NH-02', 'NH-06', { endsOn: '2026-01-31', endReason: '芦苇乡幼儿园并入长岗镇中心幼儿园，结对随之结束。' }],
  // Formed by the city bureau across counties.
  ['QH-03', 'DS-06'],
];

function goals(assisted: string, previous: boolean) {
  return {
    goalConditions: previous
      ? `督促${assisted}按市级优质园标准添置户外大型玩具和图书。`
      : `对照市级优质园标准，帮助${assisted}完善户外活动场地和区角材料，做到每班有图书角、美工区。`,
    goalManagement: `帮助${assisted}建立健全保教、安全、卫生保健等管理制度，做到制度化、规范化。`,
    goalTeachers: previous
      ? '每学期送教下乡不少于 10 课时；组织专题讲座 2 次。'
      : '每学期送教下乡不少于 10 课时，专题讲座 2 次；每月派骨干教师看一日活动组织；接收教师跟班学习。',
    goalChildren: '通过互赠书画、参观交流、家园活动，提升幼儿语言表达和社会交往能力，杜绝小学化倾向。',
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '秀英',
  '丽',
  '敏',
  '静',
  '燕',
  '艳',
  '娟',
  '霞',
  '芳',
  '玲',
  '婷',
  '雪',
  '慧',
  '洁',
  '琳',
  '红',
  '梅',
  '莉',
  '晶',
  '颖',
  '倩',
  '欣',
  '佳',
  '悦',
];
function personName(i: number) {
  return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length];
}

export async function seed(db: PrismaClient) {
  if ((await db.user.count()) > 0) return { seeded: false };
  const city = await createCity(db, { code: 'JZ', name: '江州市', nameEn: 'Jiangzhou' });
  await createUser(db, {
    role: 'CITY_ADMIN',
    regionId: city.id,
    name: '周文静',
    email: DEMO_ACCOUNTS.city,
    phone: null,
    password: DEMO_PASSWORD,
  });
  let person = 0;
  let phone = 13900000000;
  const named: Record<string, string> = {
    'QH-01:DIRECTOR': DEMO_ACCOUNTS.urbanDirector,
    'QH-04:DIRECTOR': DEMO_ACCOUNTS.ruralDirector,
    'QH-01:TEACHER': DEMO_ACCOUNTS.teacher,
    'QH-04:TEACHER': DEMO_ACCOUNTS.ruralTeacher,
    'DS-01:DIRECTOR': DEMO_ACCOUNTS.otherCountyDirector,
  };
  const people = new Map<string, { kgId: string; name: string; director: string; teachers: string[] }>();
  for (const c of COUNTIES) {
    const county = await createCounty(db, city.id, { code: c.code, name: c.name, nameEn: c.nameEn });
    await createUser(db, {
      role: 'COUNTY_ADMIN',
      regionId: county.id,
      name: personName(person++),
      email: `${c.admin}@demo.handinhand.cn`,
      phone: null,
      password: DEMO_PASSWORD,
    });
    for (const [code, name, area, level, classes, address] of c.kindergartens) {
      const kg = await createKindergarten(db, county.id, {
        code,
        name,
        area,
        level,
        address,
        classCount: classes,
        childCount: classes * 28 + (classes % 3) * 5,
        teacherCount: classes * 2 + 1,
        staffCount: classes * 3 + 2,
      });
      const director = await createUser(db, {
        role: 'DIRECTOR',
        kindergartenId: kg.id,
        name: personName(person++),
        phone: named[`${code}:DIRECTOR`] ?? String(++phone),
        password: DEMO_PASSWORD,
      });
      const teachers: string[] = [];
      const teacherCount = area === 'URBAN' ? 3 : 2;
      for (let i = 0; i < teacherCount; i++) {
        const key = i === 0 ? named[`${code}:TEACHER`] : undefined;
        teachers.push(
          (
            await createUser(db, {
              role: 'TEACHER',
              kindergartenId: kg.id,
              name: personName(person++),
              phone: key ?? String(++phone),
              password: DEMO_PASSWORD,
            })
          ).id,
        );
      }
      people.set(code, { kgId: kg.id, name, director: director.id, teachers });
    }
  }
  await seedPairings(db, city.id, people);
  await seedActivities(db);
  await seedAnnualReviews(db);
  await seedEffects(db);
  await seedInspections(db);
  await seedRectifications(db);
  await seedSpotChecks(db);
  await seedBulletins(db);
  await seedCommendations(db);
  await seedCycleReview(db);
  await seedNotifications(db);
  // Keep last: the reminder checks read every record the modules above wrote.
  await seedReminders(db);
  return { seeded: true };
}

async function seedPairings(
  db: PrismaClient,
  cityId: string,
  people: Map<string, { kgId: string; name: string; director: string; teachers: string[] }>,
) {
  await setMaxAssisted(db, cityId, 2);
  const previous = await createCycle(db, { startYear: 2023 });
  const current = await createCycle(db, { startYear: 2025 });
  const previousIds = new Map<string, string>();
  for (const [cycle, pairs, isPrevious] of [
    [previous, PREVIOUS_PAIRS, true],
    [current, CURRENT_PAIRS, false],
  ] as const) {
    for (const [s, a, opts] of pairs) {
      const sup = people.get(s)!;
      const ass = people.get(a)!;
      const pairing = await createPairing(db, {
        cycleId: cycle.id,
        supportingId: sup.kgId,
        assistedId: ass.kgId,
        endsOn: opts?.endsOn,
        endReason: opts?.endReason,
        previousId: opts?.continues ? previousIds.get(opts.continues) : null,
        ...goals(ass.name, isPrevious),
        leaderId: sup.director,
        memberIds: [ass.director, sup.teachers[0], ass.teachers[0]],
      });
      if (isPrevious) previousIds.set(`${s}>${a}`, pairing.id);
    }
  }
}

async function main() {
  if (process.env.APP_ENV === 'production' && process.env.SEED_ALLOW_PRODUCTION !== '1') {
    console.error('Refusing to seed demo data into a production deployment (APP_ENV=production). Set SEED_ALLOW_PRODUCTION=1 to force.');
    process.exit(1);
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const { seeded } = await seed(db);
    console.log(seeded ? 'Demo data seeded.' : 'Database already has data: seed skipped.');
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
