import { requireRouteUser } from '@/lib/session';
import { db } from '@/lib/db';
import { listCounties } from '@/lib/kindergartens/queries';
import { buildKindergartenTemplate } from '@/lib/kindergartens/spreadsheets';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

export async function GET(request: Request) {
  const { user, response } = await requireRouteUser(request, { permission: 'kindergarten.import', entityType: 'Kindergarten' });
  if (response) return response;
  const body = await buildKindergartenTemplate(await listCounties(user, 'kindergarten.import', db));
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition(
        'attachment',
        '幼儿园导入模板 kindergarten-import-template.xlsx',
        'kindergarten-import-template.xlsx',
      ),
      'Cache-Control': 'private, no-store',
    },
  });
}
