import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readPlanTable, type PlanJson } from '@chiso/core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTables } from '../spreadsheet/read-table.js';
import { tempDir, writeText } from '../test-support/files.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(root, 'packages', 'server', 'bin', 'chiso.js');
const request = join(root, 'examples', 'ke-hoach-yeu-cau.json');

/** The built command in a process of its own, as a user runs it. */
async function chiso(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await run('npx', ['tsc', '-b'], { cwd: root });
}, 180_000);

describe('chiso plan --input (the example of seed 004 and five fictional peers)', () => {
  it('prints one row per node in framework order, nothing-lost rows included with lost 0', async () => {
    const { status, stdout, stderr } = await chiso([
      'plan',
      '--input',
      request,
      '--unit',
      'dak-glong',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const plan = JSON.parse(stdout) as PlanJson;
    expect(plan.unit).toMatchObject({ id: 'dak-glong', points: 78.422, rank: 5, groupSize: 6 });
    expect(plan.rows).toHaveLength(53);
    expect(plan.rows.slice(0, 3).map((r) => r.code)).toEqual(['1', '1.1', '1.2']);
    expect(plan.rows.find((r) => r.code === '1.1')).toMatchObject({
      title: 'Kế hoạch CCHC năm',
      maxPoints: 2,
      points: 2,
      lost: 0,
      nothingLost: true,
      target: 2,
      gain: 0,
      pointsIfTarget: 78.422,
      percentIfTarget: 78.422,
      rankIfTarget: 5,
      leadOffice: 'Phòng Nội vụ',
    });
    // 0,542 → 4 adds 3,458: 81,88, level with Tuy Đức, first of six.
    expect(plan.rows.find((r) => r.code === '7.2')).toMatchObject({
      lost: 3.458,
      target: 4,
      gain: 3.458,
      pointsIfTarget: 81.88,
      percentIfTarget: 81.88,
      rankIfTarget: 1,
      summary: 'đạt mục tiêu → 81,88 điểm, hạng 1 (tăng 4 bậc)',
    });
    // The request's own target for 2.1 is its points.
    expect(plan.rows.find((r) => r.code === '2.1')).toMatchObject({
      target: 2.5,
      gain: 0,
      rankIfTarget: 5,
    });
  });

  it("writes seed 004's table as .xlsx, which reads back as the same plan", async () => {
    const out = join(dir, 'ke-hoach.xlsx');
    const { status, stderr } = await chiso([
      'plan',
      '--input',
      request,
      '--unit',
      'dak-glong',
      '--out',
      out,
    ]);
    expect(status).toBe(0);
    expect(stderr).toBe(`Đã ghi kế hoạch ra tệp ${out}\n`);
    const sheets = await readTables(out);
    expect(sheets.map((s) => s.sheet)).toEqual(['Kế hoạch', 'Lĩnh vực']);
    const table = readPlanTable(sheets[0]!);
    expect([table.rows.size, table.resultYear, table.planYear]).toEqual([53, 2023, 2024]);
    expect(table.rows.get('2.1')?.target?.toString()).toBe('2.5');
    expect(table.rows.get('7.2')).toMatchObject({
      leadOffice: expect.stringContaining('Phòng Văn hóa và Thông tin') as unknown,
    });
    expect(table.rows.get('3.6')?.achieved?.toString()).toBe('1.636');
    const marks = sheets[0]!.rows.filter((r) => r[7] === 'không mất điểm').map((r) => r[0]);
    expect(marks).toContain('1.1');
    expect(marks).not.toContain('7.2');
    expect(sheets[1]!.rows[3]).toEqual(expect.arrayContaining(['3', 13.567, 17, 2]));
  });

  it('writes the plan as .docx in the Nghị định 30 layout, its appendix landscape', async () => {
    const out = join(dir, 'ke-hoach.docx');
    const { status } = await chiso([
      'plan',
      '--input',
      request,
      '--unit',
      'dak-glong',
      '--out',
      out,
      '--date',
      '2024-02-15',
      '--parent',
      'UBND tỉnh Đắk Nông',
      '--signer',
      'Trần Nam Thuận',
    ]);
    expect(status).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'UBND TỈNH ĐẮK NÔNG',
        'UBND HUYỆN ĐẮK GLONG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Đắk Glong, ngày 15 tháng 02 năm 2024',
        'KẾ HOẠCH',
        'Khắc phục, cải thiện và nâng cao Chỉ số cải cách hành chính UBND huyện Đắk Glong năm 2024',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Trần Nam Thuận',
        'Nơi nhận:',
        'PHỤ LỤC',
        '- Lĩnh vực 7: XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ đạt 7,63/15,5 điểm, hạng 2/6;',
        '- Tiêu chí 7.2 (mất 3,46 điểm): đạt mục tiêu → 81,88 điểm, hạng 1 (tăng 4 bậc);',
      ]),
    );
    // The appendix: header, 53 nodes and the total; area rows bold; nothing-lost rows marked.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables.find((t) => t.includes('Đơn vị chủ trì')) ?? '';
    const rows = [...appendix.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(55);
    const text = (row: string) =>
      [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]);
    expect(text(rows[0]!)).toEqual([
      'Stt',
      'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
      'Điểm chuẩn',
      'Điểm 2023 đạt được',
      'Mục tiêu năm 2024',
      'Nhiệm vụ/ Giải pháp/ Nội dung thực hiện',
      'Đơn vị chủ trì',
    ]);
    const area7 = rows.find((r) => text(r)[0] === '7')!;
    expect(text(area7).slice(0, 5)).toEqual([
      '7',
      'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
      '15,5',
      '7,634',
      '15,5',
    ]);
    expect(area7).toContain('<w:b/>');
    const leaf11 = rows.find((r) => text(r)[0] === '1.1')!;
    expect(text(leaf11).slice(0, 3)).toEqual(['1.1', 'Kế hoạch CCHC năm', ' (không mất điểm)']);
    expect(leaf11).not.toMatch(/<w:b\/>/);
    // Area 2 aims at its children's targets, 2.1 at 2,5: 99,5 in all.
    expect(text(rows[54]!).slice(0, 5)).toEqual(['', 'TỔNG ĐIỂM', '100', '78,422', '99,5']);
    // Times New Roman 13–14, landscape appendix, page numbers in the header.
    expect(xml).toContain('w:ascii="Times New Roman"');
    const sizes = (part: string) =>
      new Set(
        [...part.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
          .filter((r) => /<w:t(?: [^>]*)?>[^<]+<\/w:t>/.test(r[0]))
          .map((r) => /<w:sz w:val="(\d+)"\/>/.exec(r[0])?.[1]),
      );
    // Half-points: 14 pt text, 13 pt headings and tables, 12 and 11 pt for "Nơi nhận".
    expect(sizes(xml)).toEqual(new Set(['28', '26', '24', '22']));
    expect(sizes(appendix)).toEqual(new Set(['26']));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('Times New Roman');
  });
});

describe('chiso plan refuses', () => {
  it('an unknown unit, with one clear message and a non-zero exit', async () => {
    const { status, stdout, stderr } = await chiso([
      'plan',
      '--input',
      request,
      '--unit',
      'dak-r-lap',
      '--json',
    ]);
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toMatch(/^Lỗi: Không có đơn vị "dak-r-lap" trong kết quả\n/);
  });

  it('a target above the max, naming the unit, the path and the code', async () => {
    const json = JSON.parse(await readFile(request, 'utf8')) as {
      units: { targets?: Record<string, number> }[];
    };
    json.units[0]!.targets = { '7.2': 4.5, '9.9': 1 };
    const file = await writeText(join(dir, 'sai-muc-tieu.json'), JSON.stringify(json));
    const { status, stderr } = await chiso(['plan', '--input', file, '--unit', 'dak-glong']);
    expect(status).toBe(1);
    expect(stderr).toBe(
      'Lỗi: Mục tiêu của đơn vị dak-glong không hợp lệ (2 lỗi)\n' +
        '  - units[0].targets.7.2: mục tiêu 4,5 điểm của tiêu chí 7.2 vượt điểm tối đa 4\n' +
        '  - units[0].targets.9.9: không có tiêu chí mã 9.9 trong bộ chỉ số\n',
    );
  });

  it('an --out that is neither .xlsx nor .docx', async () => {
    const { status, stderr } = await chiso([
      'plan',
      '--input',
      request,
      '--unit',
      'dak-glong',
      '--out',
      'ke-hoach.pdf',
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain('--out phải là tệp .xlsx hoặc .docx');
  });
});

describe('chiso plan from spreadsheets', () => {
  it("takes seed 004's table as one district's result and plan", async () => {
    const { status, stdout } = await chiso([
      'plan',
      '--framework',
      join(root, 'examples', 'dak-glong-2023.csv'),
      '--unit',
      'UBND huyện Đắk Glong',
      '--json',
    ]);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout) as PlanJson;
    expect([plan.unit.points, plan.rows.length]).toEqual([78.422, 53]);
    expect(plan.rows.find((r) => r.code === '2.1')).toMatchObject({
      target: 2.5,
      tasks: expect.any(String) as unknown,
    });
  });
});
