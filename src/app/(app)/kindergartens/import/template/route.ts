import { getCurrentUser } from '@/lib/session';
import { can, hasPermission } from '@/lib/authz';
import { db } from '@/lib/db';
import { buildKindergartenTemplate } from '@/lib/kindergartens/spreadsheets';
import { attachment, XLSX_TYPE } from '@/lib/spreadsheet/write';

export async function GET() {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !hasPermission(user, 'kindergarten.import')) return new Response('Not found', { status: 404 });
  const counties = (await db.region.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, nameEn: true } }))
    .filter((c) => can(user, 'kindergarten.import', { countyId: c.id }));
  const body = await buildKindergartenTemplate(counties);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment('幼儿园导入模板 kindergarten-import-template.xlsx', 'kindergarten-import-template.xlsx'),
      'Cache-Control': 'private, no-store',
    },
  });
}
