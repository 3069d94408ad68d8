import type { ColumnSpec } from '@/lib/spreadsheet/columns';

export type KindergartenColumn =
  | 'code'
  | 'name'
  | 'county'
  | 'area'
  | 'level'
  | 'classCount'
  | 'childCount'
  | 'teacherCount'
  | 'staffCount'
  | 'address'
  | 'contactName'
  | 'contactPhone';

/** The import template, the import parser and the export share these columns. */
export const KINDERGARTEN_COLUMNS: readonly ColumnSpec<KindergartenColumn>[] = [
  { key: 'code', zh: '代码', en: 'Code', width: 14, text: true },
  { key: 'name', zh: '名称', en: 'Name', width: 30 },
  { key: 'county', zh: '县区', en: 'County', width: 14 },
  { key: 'area', zh: '城乡', en: 'Area', width: 10 },
  { key: 'level', zh: '示范等级', en: 'Level', width: 16 },
  { key: 'classCount', zh: '班级数', en: 'Classes', width: 10 },
  { key: 'childCount', zh: '幼儿数', en: 'Children', width: 10 },
  { key: 'teacherCount', zh: '教师数', en: 'Teachers', width: 10 },
  { key: 'staffCount', zh: '职工数', en: 'Staff', width: 10 },
  { key: 'address', zh: '地址', en: 'Address', width: 32 },
  { key: 'contactName', zh: '联系人', en: 'Contact name', width: 14 },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', width: 16, text: true },
];

export const REQUIRED_KINDERGARTEN_COLUMNS: KindergartenColumn[] = ['code', 'name', 'county', 'area'];
export const MAX_KINDERGARTEN_ROWS = 5000;
