// npm run setup:city -- --city JZ:江州市:Jiangzhou --county JZ-QH:清河区:Qinghe --county JZ-DS:东山县 \
//                        --admin-name 张明 --admin-login 13900000000 [--time-zone Asia/Shanghai]
// Creates the city, its counties/districts and the first city admin of a production deployment
// (see src/lib/setup/city.ts). Uses DATABASE_URL, or the embedded PostgreSQL in HIH_DATA_DIR.
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { setUpCity } from '@/lib/setup/city';
import { ensureDatabase } from './db/postgres.mjs';

const usage =
  'usage: npm run setup:city -- --city CODE:名称[:English name] --county CODE:名称[:English name] [--county …] --admin-name 姓名 --admin-login <mobile or e-mail> [--time-zone Asia/Shanghai]';

function region(text: string) {
  const [code, name, nameEn] = text.split(':');
  if (!code || !name) throw new Error(`"${text}" should be CODE:名称[:English name]\n${usage}`);
  return { code, name, nameEn };
}

const { values } = parseArgs({
  options: {
    city: { type: 'string' },
    county: { type: 'string', multiple: true },
    'admin-name': { type: 'string' },
    'admin-login': { type: 'string' },
    'time-zone': { type: 'string' },
  },
});
if (!values.city || !values.county?.length || !values['admin-name'] || !values['admin-login']) {
  console.error(usage);
  process.exit(2);
}

const database = await ensureDatabase();
const { migrateDeploy } = await import('./db/engine.mjs');
await migrateDeploy(database.url);
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  const result = await setUpCity(db as never, {
    city: { ...region(values.city), timeZone: values['time-zone'] },
    counties: values.county.map(region),
    admin: { name: values['admin-name'], login: values['admin-login'] },
  });
  console.log(result.countiesCreated.length ? `Counties added: ${result.countiesCreated.join(', ')}` : 'No county added (all exist).');
  if (result.admin) {
    console.log(`City admin created. Sign in with ${result.admin.login} and the one-time password ${result.admin.oneTimePassword}`);
    console.log('(it must be changed at first sign-in).');
  } else {
    console.log('The city already has an active city admin: no account created.');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
