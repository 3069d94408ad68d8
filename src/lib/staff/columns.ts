import type { ColumnSpec } from '@/lib/spreadsheet/columns';

export type StaffColumn = 'name' | 'phone' | 'email' | 'role' | 'kindergarten';

export const STAFF_COLUMNS: readonly ColumnSpec<StaffColumn>[] = [
  { key: 'name', zh: '姓名', en: 'Name', width: 14 },
  { key: 'phone', zh: '手机号', en: 'Phone', width: 16, text: true },
  { key: 'email', zh: '邮箱', en: 'E-mail', width: 26 },
  { key: 'role', zh: '角色', en: 'Role', width: 10 },
  { key: 'kindergarten', zh: '幼儿园代码', en: 'Kindergarten code', width: 16, text: true },
];
export const REQUIRED_STAFF_COLUMNS: StaffColumn[] = ['name'];
/** Each new account's password is hashed with Argon2 during the request: ~10 ms each. */
export const MAX_STAFF_ROWS = 1000;
