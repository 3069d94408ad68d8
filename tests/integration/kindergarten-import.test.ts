import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import { commitKindergartenImport, getKindergartenBatch, previewKindergartenImport } from '@/lib/kindergartens/import';
import { buildKindergartenTemplate } from '@/lib/kindergartens/spreadsheets';
import { runCleanup } from '@/lib/queue/cleanup';
import { actorFor, createScopeWorld, uniqueSuffix } from '../fixtures/factories';
import { xlsx } from '../fixtures/spreadsheets';

const HEADERS = [
  '代码 Code',
  '名称 Name',
  '县区 County',
  '城乡 Area',
  '示范等级 Level',
  '班级数 Classes',
  '幼儿数 Children',
  '教师数 Teachers',
  '职工数 Staff',
  '地址 Address',
];

async function world() {
  const w = await createScopeWorld(db);
  return { ...w, admin: await actorFor(db, w.countyAdminA), s: uniqueSuffix() };
}

/** The import form's field, as the server action receives it. */
const upload = (bytes: Uint8Array, name: string) => ({ file: new File([new Uint8Array(bytes)], name) });

const preview = async (actor: Awaited<ReturnType<typeof actorFor>> & { name: string }, bytes: Uint8Array, name = 'kgs.xlsx') => {
  const r = await previewKindergartenImport(actor, upload(bytes, name), db);
  if (!r.ok) throw new Error(`preview failed: ${JSON.stringify(r)}`);
  return r.value;
};

describe('kindergarten import', () => {
  it('imports a good file in one go, with an audit entry per kindergarten and one for the batch', async () => {
    const w = await world();
    const file = await xlsx([
      HEADERS,
      [`A-${w.s}-1`, '甲县一号幼儿园', w.countyA.code, '城区', '省级', 10, 300, 25, 40, '甲县大街 1 号'],
      [`A-${w.s}-2`, '甲县二号幼儿园', w.countyA.code, 'RURAL', 'None', 3, 60, 5, 7, ''],
      [],
      [`A-${w.s}-3`, '甲县三号幼儿园', w.countyA.code, '农村', '', '', '', '', '', ''],
    ]);
    const p = await preview(w.admin, file);
    expect(p.errorCount).toBe(0);
    const batch = await getKindergartenBatch(db, w.admin, p.batchId);
    // Row numbers as in the spreadsheet: the empty row 4 is skipped, not renumbered.
    expect(batch!.content.rows.map((r) => [r.rowNumber, r.op])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [5, 'create'],
    ]);
    // Nothing is written before confirmation.
    expect(await db.kindergarten.count({ where: { code: { startsWith: `A-${w.s}` } } })).toBe(0);

    const c = await commitKindergartenImport(w.admin, { batchId: p.batchId }, db);
    expect(c).toEqual({ ok: true, value: { created: 3, updated: 0, unchanged: 0 } });
    const rows = await db.kindergarten.findMany({ where: { code: { startsWith: `A-${w.s}` } }, orderBy: { code: 'asc' } });
    expect(rows.map((r) => [r.name, r.area, r.level, r.childCount])).toEqual([
      ['甲县一号幼儿园', 'URBAN', 'PROVINCIAL', 300],
      ['甲县二号幼儿园', 'RURAL', 'NONE', 60],
      ['甲县三号幼儿园', 'RURAL', 'NONE', 0],
    ]);
    expect(await db.auditEntry.count({ where: { action: 'kindergarten.created', entityId: { in: rows.map((r) => r.id) } } })).toBe(3);
    expect(await db.auditEntry.findFirst({ where: { action: 'kindergarten.imported', entityId: p.batchId } })).toMatchObject({
      after: { created: 3 },
    });

    // Committing twice does nothing more.
    expect(await commitKindergartenImport(w.admin, { batchId: p.batchId }, db)).toEqual({
      ok: false,
      error: 'wrongState',
      message: 'kindergartens.import.commit_alreadyCommitted',
    });
  });

  it('re-importing the same codes updates instead of duplicating', async () => {
    const w = await world();
    const first = await xlsx([HEADERS, [`R-${w.s}`, '旧名称', w.countyA.code, '农村', '无', 2, 40, 3, 5, '']]);
    await commitKindergartenImport(w.admin, { batchId: (await preview(w.admin, first)).batchId }, db);
    const before = await db.kindergarten.findUniqueOrThrow({ where: { code: `R-${w.s}` } });

    // English headers only, lower-case code: the same kindergarten.
    const second = await xlsx([
      ['Code', 'Name', 'County', 'Area', 'Level', 'Classes', 'Children', 'Teachers', 'Staff'],
      [`r-${w.s}`, '新名称', w.countyA.code, 'rural', 'county', 3, 70, 6, 8],
      [`R2-${w.s}`, '另一所', w.countyA.code, 'urban', 'none', 1, 20, 2, 3],
    ]);
    const p = await preview(w.admin, second);
    expect((await getKindergartenBatch(db, w.admin, p.batchId))!.content.rows.map((r) => r.op)).toEqual(['update', 'create']);
    expect(await commitKindergartenImport(w.admin, { batchId: p.batchId }, db)).toEqual({
      ok: true,
      value: { created: 1, updated: 1, unchanged: 0 },
    });
    expect(await db.kindergarten.count({ where: { code: { equals: `R-${w.s}`, mode: 'insensitive' } } })).toBe(1);
    const after = await db.kindergarten.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ code: `R-${w.s}`, name: '新名称', level: 'COUNTY', childCount: 70, version: before.version + 1 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: before.id, action: 'kindergarten.updated' } });
    expect(audit.before).toMatchObject({ name: '旧名称', childCount: 40 });

    // The identical file a third time changes nothing.
    const p3 = await preview(w.admin, second);
    expect(await commitKindergartenImport(w.admin, { batchId: p3.batchId }, db)).toEqual({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 2 },
    });
  });

  it('an update keeps what the sheet leaves out or blank; a new kindergarten gets none / 0', async () => {
    const w = await world();
    await commitKindergartenImport(
      w.admin,
      {
        batchId: (
          await preview(
            w.admin,
            await xlsx([HEADERS, [`K-${w.s}`, '示范园', w.countyA.code, '城区', '省级', 12, 360, 30, 45, '文昌路 1 号']]),
          )
        ).batchId,
      },
      db,
    );
    const before = await db.kindergarten.findUniqueOrThrow({ where: { code: `K-${w.s}` } });

    // Only the required columns, and a blank level in a sheet that has the column: nothing is lost.
    const onlyRequired = await xlsx([
      ['代码', '名称', '县区', '城乡'],
      [`K-${w.s}`, '示范园', w.countyA.code, '城区'],
      [`K2-${w.s}`, '新园', w.countyA.code, '农村'],
    ]);
    const p = await preview(w.admin, onlyRequired);
    expect((await getKindergartenBatch(db, w.admin, p.batchId))!.content.rows.map((r) => r.op)).toEqual(['unchanged', 'create']);
    const blanks = await xlsx([HEADERS, [`K-${w.s}`, '示范园改名', w.countyA.code, '城区', '', '', '', '', 50, '']]);
    const p2 = await preview(w.admin, blanks);
    expect(await commitKindergartenImport(w.admin, { batchId: p2.batchId }, db)).toEqual({
      ok: true,
      value: { created: 0, updated: 1, unchanged: 0 },
    });
    expect(await db.kindergarten.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({
      name: '示范园改名',
      level: 'PROVINCIAL',
      classCount: 12,
      childCount: 360,
      teacherCount: 30,
      staffCount: 50,
      address: '文昌路 1 号',
    });
    expect(await commitKindergartenImport(w.admin, { batchId: p.batchId }, db)).toMatchObject({ ok: true });
    expect(await db.kindergarten.findUniqueOrThrow({ where: { code: `K2-${w.s}` } })).toMatchObject({
      level: 'NONE',
      classCount: 0,
      address: '',
    });
  });

  it('imports nothing from a file with errors, and reports row, column and reason', async () => {
    const w = await world();
    const file = await xlsx([
      HEADERS,
      [`E-${w.s}-1`, '好的一行', w.countyA.code, '农村', '无', 2, 40, 3, 5, ''],
      [`E-${w.s}-2`, '', w.countyA.code, '农村', '无', 2, 40, 3, 5, ''],
      [`E-${w.s}-3`, '乙县的园', w.countyB.code, '农村', '无', 2, 40, 3, 5, ''],
      [`E-${w.s}-4`, '未知县', 'NOWHERE', '农村', '无', 2, 40, 3, 5, ''],
      [`E-${w.s}-1`, '重复代码', w.countyA.code, '农村', '无', 2, 40, 3, 5, ''],
      [`E-${w.s}-6`, '人数不对', w.countyA.code, '郊区', '国家级', 2, 1, 9, 5, ''],
      [w.kgB.code, '别县的代码', w.countyA.code, '农村', '无', 2, 40, 3, 5, ''],
    ]);
    const p = await preview(w.admin, file);
    const batch = await getKindergartenBatch(db, w.admin, p.batchId);
    const errors = batch!.content.rows.flatMap((r) => r.errors.map((e) => `${r.rowNumber} ${e.column} ${e.message}`));
    expect(errors).toEqual([
      '3 name kindergartens.import.required',
      '4 county kindergartens.import.countyOutOfScope',
      '5 county kindergartens.import.unknownCounty',
      '6 code kindergartens.import.duplicateCode',
      '7 area kindergartens.import.badArea',
      '7 level kindergartens.import.badLevel',
      '7 teacherCount kindergartens.errors.teachersOverStaff',
      '7 childCount kindergartens.errors.childrenUnderClasses',
      '8 code kindergartens.import.codeOutOfScope',
    ]);
    expect(p.errorCount).toBe(6);
    expect(await commitKindergartenImport(w.admin, { batchId: p.batchId }, db)).toEqual({
      ok: false,
      error: 'wrongState',
      message: 'kindergartens.import.commit_hasErrors',
    });
    expect(await db.kindergarten.count({ where: { code: { startsWith: `E-${w.s}` } } })).toBe(0);
    expect((await db.kindergarten.findUniqueOrThrow({ where: { id: w.kgB.id } })).name).toBe(w.kgB.name);
  });

  it('lets only the batch owner see or confirm it', async () => {
    const w = await world();
    const p = await preview(w.admin, await xlsx([HEADERS, [`O-${w.s}`, '某园', w.countyA.code, '农村', '无', 1, 20, 2, 3, '']]));
    const city = await actorFor(db, w.cityAdmin);
    expect(await getKindergartenBatch(db, city, p.batchId)).toBeNull();
    expect(await commitKindergartenImport(city, { batchId: p.batchId }, db)).toEqual({ ok: false, error: 'notFound' });
    expect(await previewKindergartenImport(await actorFor(db, w.directorA), upload(new Uint8Array([1]), 'x.xlsx'), db)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(await db.kindergarten.count({ where: { code: `O-${w.s}` } })).toBe(0);
  });

  it('refuses what is not a spreadsheet, too many rows, missing columns; reads GB18030 CSV', async () => {
    const w = await world();
    expect(await previewKindergartenImport(w.admin, upload(new Uint8Array(), 'empty.xlsx'), db)).toMatchObject({
      ok: false,
      error: 'invalid',
      message: 'kindergartens.import.file_empty',
    });
    expect(await previewKindergartenImport(w.admin, {}, db)).toMatchObject({
      ok: false,
      error: 'invalid',
      message: 'kindergartens.import.file_empty',
    });
    const pdf = new TextEncoder().encode('%PDF-1.4\n\0\0binary');
    expect(await previewKindergartenImport(w.admin, upload(pdf, 'a.pdf'), db)).toMatchObject({
      ok: false,
      error: 'invalid',
      message: 'kindergartens.import.file_notSpreadsheet',
    });
    const big = await xlsx([HEADERS, ...Array.from({ length: 5001 }, (_, i) => [`B-${i}`, 'x', w.countyA.code, '农村'])]);
    expect(await previewKindergartenImport(w.admin, upload(big, 'big.xlsx'), db)).toMatchObject({
      ok: false,
      error: 'invalid',
      message: { key: 'kindergartens.import.tooManyRows' },
    });
    const noCounty = await xlsx([
      ['代码', '名称'],
      ['X', 'Y'],
    ]);
    expect(await previewKindergartenImport(w.admin, upload(noCounty, 'n.xlsx'), db)).toMatchObject({
      ok: false,
      error: 'invalid',
      message: { key: 'kindergartens.import.missingColumns' },
    });

    const csv = `代码,名称,县区,城乡,示范等级,班级数,幼儿数,教师数,职工数\r\nC-${w.s},"逗号,幼儿园",${w.countyA.code},农村,无,2,30,3,4\r\n`;
    // What Excel on a Chinese Windows writes for "CSV": GB18030, not UTF-8.
    const encoded = encodeGb18030(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const p = await preview(w.admin, encoded, 'kgs.csv');
    expect(p.errorCount).toBe(0);
    expect((await getKindergartenBatch(db, w.admin, p.batchId))!.content.rows[0].values).toMatchObject({
      name: '逗号,幼儿园',
      childCount: 30,
    });
  });

  it('round-trips the template: its example row is kept, the filled-in row imports, the example does not', async () => {
    const w = await world();
    const template = await buildKindergartenTemplate([{ code: w.countyA.code, name: '甲县', nameEn: null }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    // The example row shows the shape of a row (numbers as numbers) right under the header.
    const example = (workbook.worksheets[0].getRow(2).values as unknown[]).slice(1);
    expect(String(example[0])).toMatch(/^示例/);
    expect(example.slice(2, 9)).toEqual([w.countyA.code, '城区', '市级', 6, 180, 15, 20]);
    workbook.worksheets[0].addRow([
      `T-${w.s}`,
      '模板幼儿园',
      w.countyA.code,
      '城区',
      '市级',
      4,
      100,
      8,
      12,
      '某路 1 号',
      '李老师',
      '13800001111',
    ]);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const p = await preview(w.admin, filled);
    expect(p.errorCount).toBe(0);
    expect((await getKindergartenBatch(db, w.admin, p.batchId))!.content.rows.map((r) => r.values?.code)).toEqual([`T-${w.s}`]);
    expect(await commitKindergartenImport(w.admin, { batchId: p.batchId }, db)).toEqual({
      ok: true,
      value: { created: 1, updated: 0, unchanged: 0 },
    });
    expect(await db.kindergarten.findUniqueOrThrow({ where: { code: `T-${w.s}` } })).toMatchObject({
      level: 'MUNICIPAL',
      contactPhone: '13800001111',
      contactName: '李老师',
    });
  });
});

/** Node decodes GB18030 but cannot encode it: build each character's two bytes by searching the GBK range. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return new Uint8Array(out);
}

describe('previews left unconfirmed', () => {
  const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3_600_000);

  it('expire after a day: still readable, no longer importable, nothing written', async () => {
    const w = await world();
    const file = await xlsx([HEADERS, [`E-${w.s}`, '过期预览幼儿园', w.countyA.code, '农村', '无', 2, 40, 3, 5, '']]);
    const fresh = await preview(w.admin, file);
    expect((await getKindergartenBatch(db, w.admin, fresh.batchId))!.expired).toBe(false);
    await db.importBatch.update({ where: { id: fresh.batchId }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const old = await getKindergartenBatch(db, w.admin, fresh.batchId);
    expect(old).toMatchObject({ expired: true, committedAt: null });
    expect(await commitKindergartenImport(w.admin, { batchId: fresh.batchId }, db)).toEqual({
      ok: false,
      error: 'wrongState',
      message: 'kindergartens.import.commit_expired',
    });
    expect(await db.kindergarten.count({ where: { code: `E-${w.s}` } })).toBe(0);
    // A batch imported long ago is history, not an expired preview.
    const done = await preview(
      w.admin,
      await xlsx([HEADERS, [`D-${w.s}`, '早已导入幼儿园', w.countyA.code, '农村', '无', 2, 40, 3, 5, '']]),
    );
    await commitKindergartenImport(w.admin, { batchId: done.batchId }, db);
    await db.importBatch.update({ where: { id: done.batchId }, data: { createdAt: daysAgo(30) } });
    expect(await getKindergartenBatch(db, w.admin, done.batchId)).toMatchObject({ expired: false });
  });

  it('are deleted a week after upload by the daily clean-up job; imported batches stay', async () => {
    const w = await world();
    const row = (code: string) => xlsx([HEADERS, [code, '某幼儿园', w.countyA.code, '农村', '无', 2, 40, 3, 5, '']]);
    const abandoned = await preview(w.admin, await row(`W-${w.s}-1`));
    const recent = await preview(w.admin, await row(`W-${w.s}-2`));
    const imported = await preview(w.admin, await row(`W-${w.s}-3`));
    await commitKindergartenImport(w.admin, { batchId: imported.batchId }, db);
    await db.importBatch.updateMany({ where: { id: { in: [abandoned.batchId, imported.batchId] } }, data: { createdAt: daysAgo(8) } });
    await db.importBatch.update({ where: { id: recent.batchId }, data: { createdAt: daysAgo(6) } });

    // An upload no longer deletes anything: the clean-up runs on the job queue.
    await preview(w.admin, await row(`W-${w.s}-4`));
    expect(await db.importBatch.count({ where: { id: abandoned.batchId } })).toBe(1);
    expect((await runCleanup(db)).importPreviews).toBeGreaterThanOrEqual(1);
    const left = await db.importBatch.findMany({
      where: { id: { in: [abandoned.batchId, recent.batchId, imported.batchId] } },
      select: { id: true },
    });
    expect(left.map((b) => b.id).sort()).toEqual([recent.batchId, imported.batchId].sort());
    expect(await getKindergartenBatch(db, w.admin, abandoned.batchId)).toBeNull();
  });
});
