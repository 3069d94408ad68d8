import { getCurrentUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { buildStaffTemplate } from '@/lib/staff/spreadsheets';
import { attachment, XLSX_TYPE } from '@/lib/spreadsheet/write';

export async function GET() {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !hasPermission(user, 'user.import')) return new Response('Not found', { status: 404 });
  const body = await buildStaffTemplate();
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment('账户导入模板 staff-import-template.xlsx', 'staff-import-template.xlsx'),
      'Cache-Control': 'private, no-store',
    },
  });
}
