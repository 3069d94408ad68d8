import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { columnName, escapeXml, streamWorkbook } from './stream';

async function readBack(stream: ReadableStream<Uint8Array>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await new Response(stream).arrayBuffer()) as never);
  return wb;
}

describe('streamWorkbook', () => {
  it('writes what buildWorkbook writes: a bold frozen header, number formats, text columns, every row in order', async () => {
    const wb = await readBack(
      streamWorkbook([
        {
          name: '名单',
          columns: [
            { header: '名称', width: 20 },
            { header: '编码', text: true },
            { header: '比例', numFmt: '0%' },
          ],
          rows: [
            ['甲园', '0012', 0.4],
            ['乙园', '0345', null],
          ],
        },
        { name: '筛选', columns: [{ header: '条件' }, { header: '值' }], rows: [['县', '甲县']] },
      ]),
    );
    expect(wb.worksheets.map((s) => s.name)).toEqual(['名单', '筛选']);
    const [list, filters] = wb.worksheets;
    expect(list.getSheetValues().slice(1)).toEqual([
      [undefined, '名称', '编码', '比例'],
      [undefined, '甲园', '0012', 0.4],
      [undefined, '乙园', '0345'],
    ]);
    expect(list.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.getColumn(1).width).toBe(20);
    expect(list.getColumn(2).numFmt).toBe('@');
    expect(list.getColumn(3).numFmt).toBe('0%');
    expect(list.getRow(2).getCell(3).numFmt).toBe('0%');
    expect(filters.getRow(2).values).toEqual([undefined, '县', '甲县']);
  });

  it('sends its first bytes while later rows are still to be made', async () => {
    const total = 20_000;
    let made = 0;
    function* rows() {
      for (let i = 0; i < total; i++) {
        made++;
        yield [`幼儿园 ${i}`, i, i / total];
      }
    }
    const stream = streamWorkbook([{ name: 'rows', columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows: rows() }]);
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(0);
    expect(made).toBeLessThan(total);
    let size = first.value!.byteLength;
    for (let r = await reader.read(); !r.done; r = await reader.read()) size += r.value.byteLength;
    expect(made).toBe(total);
    expect(size).toBeGreaterThan(10_000);
  });

  it('stops making rows once the reader has gone away', async () => {
    let made = 0;
    function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        made++;
        yield [i];
      }
    }
    const reader = streamWorkbook([{ name: 'rows', columns: [{ header: 'a' }], rows: rows() }]).getReader();
    await reader.read();
    await reader.cancel();
    const then = made;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(made).toBeLessThan(1_000_000);
    expect(made - then).toBeLessThanOrEqual(200);
  });

  it('keeps what people typed: markup characters, spaces at the ends, line breaks, CJK and emoji; drops what XML cannot hold', async () => {
    const typed = ['<b>甲 & 乙</b> "园"', '  前后空格  ', '第一行\n第二行', '幼儿园 🌱', 'a\u0001b\u000bc'];
    const wb = await readBack(streamWorkbook([{ name: 'A & <B>', columns: [{ header: '"名称"' }], rows: typed.map((v) => [v]) }]));
    const [sheet] = wb.worksheets;
    expect(sheet.name).toBe('A & <B>');
    expect(
      sheet
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[])[1]),
    ).toEqual(['"名称"', ...typed.slice(0, 4), 'abc']);
  });

  it('places every cell of a wide row under its column, past Z, and leaves null and empty cells empty', async () => {
    const columns = Array.from({ length: 47 }, (_, i) => ({ header: `列${i + 1}`, numFmt: i === 46 ? '0.0%' : undefined }));
    const row = Array.from({ length: 47 }, (_, i) => (i === 3 ? null : i === 4 ? '' : i % 2 ? i : `第${i}`));
    row[46] = 0.125;
    const wb = await readBack(streamWorkbook([{ name: 's', columns, rows: [row] }]));
    const cells = wb.worksheets[0].getRow(2);
    expect(cells.getCell(1).value).toBe('第0');
    expect(cells.getCell(2).value).toBe(1);
    expect(cells.getCell(4).value).toBeNull();
    expect(cells.getCell(5).value).toBeNull();
    expect(cells.getCell(27).value).toBe('第26'); // AA
    expect(cells.getCell(47).value).toBe(0.125);
    expect(cells.getCell(47).numFmt).toBe('0.0%');
    expect(wb.worksheets[0].getRow(1).getCell(47).value).toBe('列47');
  });

  it('names columns as spreadsheets do, and escapes text for XML', () => {
    expect([0, 25, 26, 27, 46, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AU', 'ZZ', 'AAA', 'XFD']);
    expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('x\u0000y\u001fz\ud800')).toBe('xyz');
    expect(escapeXml('🌱')).toBe('🌱');
  });
});
