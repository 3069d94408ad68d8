import 'server-only';
import { bilingualHeader } from '@/lib/spreadsheet/columns';
import { buildWorkbook, columnsFor } from '@/lib/spreadsheet/write';
import { EXAMPLE_ROW_MARK } from '@/lib/spreadsheet/read';
import { MAX_STAFF_ROWS, STAFF_COLUMNS } from './columns';
import type { NewAccount } from './commands';

export function buildStaffTemplate() {
  const allowed: Record<string, string> = {
    name: '必填 · required',
    phone: '11 位手机号，或填写邮箱 · 11-digit mobile, or give an e-mail',
    email: '手机号和邮箱至少填一项 · phone or e-mail, at least one',
    role: '教师 / 园长 · TEACHER / DIRECTOR（空白 = 教师 · empty = teacher）',
    kindergarten: '幼儿园代码；园长导入本园教师时可空白 · kindergarten code; directors may leave it empty for their own',
  };
  return buildWorkbook([
    // The example row's name starts with EXAMPLE_ROW_MARK, which the reader skips on import.
    {
      name: '账户 Staff',
      columns: columnsFor(STAFF_COLUMNS, bilingualHeader),
      rows: [],
      example: [`${EXAMPLE_ROW_MARK} e.g. 王芳`, '13800000000', '', '教师', 'QH-001'],
    },
    {
      name: '说明 Instructions',
      columns: [
        { header: '列 Column', width: 22 },
        { header: '说明 Notes', width: 90 },
      ],
      rows: [
        ...STAFF_COLUMNS.map((c) => [bilingualHeader(c), allowed[c.key] ?? '']),
        [],
        [
          '',
          `每个文件最多 ${MAX_STAFF_ROWS} 行。手机号或邮箱已存在的账户会更新姓名和幼儿园，不会重复创建。 · At most ${MAX_STAFF_ROWS} rows. Accounts whose phone or e-mail exists get their name and kindergarten updated, never duplicated.`,
        ],
        [
          '',
          `第 2 行是示例：以"${EXAMPLE_ROW_MARK}"开头的行不会导入，可保留或删除。 · Row 2 is an example: rows starting with "${EXAMPLE_ROW_MARK}" are not imported; keep or delete it.`,
        ],
      ],
    },
  ]);
}

/** The one-time passwords of an import, for the creator to hand out; built once, never stored. */
export function buildPasswordSheet(accounts: NewAccount[], labels: { name: string; login: string; password: string }) {
  return buildWorkbook([
    {
      name: 'Accounts',
      columns: [
        { header: labels.name, width: 14 },
        { header: labels.login, width: 26, text: true },
        { header: labels.password, width: 18, text: true },
      ],
      rows: accounts.map((a) => [a.name, a.login, a.password]),
    },
  ]);
}
