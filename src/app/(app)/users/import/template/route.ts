import { requireRouteUser } from '@/lib/session';
import { buildStaffTemplate } from '@/lib/staff/spreadsheets';
import { XLSX_TYPE } from '@/lib/spreadsheet/write';
import { contentDisposition } from '@/lib/content-disposition';

export async function GET(request: Request) {
  const { response } = await requireRouteUser(request, { permission: 'user.import', entityType: 'User' });
  if (response) return response;
  const body = await buildStaffTemplate();
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition('attachment', '账户导入模板 staff-import-template.xlsx', 'staff-import-template.xlsx'),
      'Cache-Control': 'private, no-store',
    },
  });
}
