import 'server-only';
import { bilingualHeader } from '@/lib/spreadsheet/columns';
import { buildWorkbook, columnsFor } from '@/lib/spreadsheet/write';
import { EXAMPLE_ROW_MARK } from '@/lib/spreadsheet/read';
import { KINDERGARTEN_COLUMNS, MAX_KINDERGARTEN_ROWS, REQUIRED_KINDERGARTEN_COLUMNS, type KindergartenColumn } from './columns';
import type { listKindergartensForExport } from './queries';
import { regionName } from '@/i18n/region-name';
import type { Translate } from '@/i18n/translator';

/**
 * The import template: a first sheet with bilingual headers and one example row (its code starts
 * with EXAMPLE_ROW_MARK, which the reader skips, so the file imports as it is filled in) and a
 * bilingual instructions sheet.
 */
export function buildKindergartenTemplate(counties: { code: string; name: string; nameEn: string | null }[]) {
  const allowed: Record<string, string> = {
    area: '城区 / 农村 · URBAN / RURAL',
    level: '省级 / 市级 / 县级 / 无 · PROVINCIAL / MUNICIPAL / COUNTY / NONE',
    county: counties.map((c) => `${c.name} (${c.code}${c.nameEn ? `, ${c.nameEn}` : ''})`).join('; '),
    code: '字母、数字、- _ . · letters, digits, - _ .',
    classCount: '整数 ≥ 0 · whole number ≥ 0',
    childCount: '整数 ≥ 0，不超过班级数 × 60 · whole number ≥ 0, at most 60 per class',
    teacherCount: '整数 ≥ 0，不超过职工数 · whole number ≥ 0, at most the staff count',
    staffCount: '整数 ≥ 0（含教师）· whole number ≥ 0 (teachers included)',
  };
  return buildWorkbook([
    {
      name: '幼儿园 Kindergartens',
      columns: columnsFor(KINDERGARTEN_COLUMNS, bilingualHeader),
      rows: [],
      example: [
        `${EXAMPLE_ROW_MARK} e.g. QH-001`,
        '阳光幼儿园',
        counties[0]?.code ?? '',
        '城区',
        '市级',
        6,
        180,
        15,
        20,
        '人民路 1 号',
        '王老师',
        '13800000000',
      ],
    },
    {
      name: '说明 Instructions',
      columns: [
        { header: '列 Column', width: 22 },
        { header: '必填 Required', width: 14 },
        { header: '可填写的值 Allowed values', width: 90 },
      ],
      rows: [
        ...KINDERGARTEN_COLUMNS.map((c) => [
          bilingualHeader(c),
          REQUIRED_KINDERGARTEN_COLUMNS.includes(c.key) ? '是 Yes' : '否 No',
          allowed[c.key] ?? '',
        ]),
        [],
        [
          '',
          '',
          `每个文件最多 ${MAX_KINDERGARTEN_ROWS} 行、5 MB；代码已存在的幼儿园将被更新。 · At most ${MAX_KINDERGARTEN_ROWS} rows and 5 MB per file; kindergartens whose code exists are updated.`,
        ],
        [
          '',
          '',
          `第 2 行是示例：以"${EXAMPLE_ROW_MARK}"开头的行不会导入，可保留或删除。 · Row 2 is an example: rows starting with "${EXAMPLE_ROW_MARK}" are not imported; keep or delete it.`,
        ],
      ],
    },
  ]);
}

/** The filtered list, with headers and values in the user's language (and importable again). */
export function buildKindergartenExport(rows: Awaited<ReturnType<typeof listKindergartensForExport>>, t: Translate, locale: string) {
  const header = (key: KindergartenColumn | 'paired' | 'status') => t(`kindergartens.${key}`);
  const columns = [
    ...columnsFor(KINDERGARTEN_COLUMNS, (c) => header(c.key)),
    { header: header('paired'), width: 10 },
    { header: header('status'), width: 10 },
  ];
  return buildWorkbook([
    {
      name: t('kindergartens.title'),
      columns,
      rows: rows.map((k) => [
        k.code,
        k.name,
        regionName(k.county, locale),
        t(`area.${k.area}`),
        t(`level.${k.level}`),
        k.classCount,
        k.childCount,
        k.teacherCount,
        k.staffCount,
        k.address,
        k.contactName,
        k.contactPhone,
        k.paired ? t('kindergartens.yes') : t('kindergartens.no'),
        k.active ? t('kindergartens.active') : t('kindergartens.inactive'),
      ]),
    },
  ]);
}
