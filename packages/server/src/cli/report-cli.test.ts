import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportProvinceRequest } from '../../../core/src/test-support/report-province.js';
import { readTables } from '../spreadsheet/read-table.js';
import { captureIo, tempDir, writeText } from '../test-support/files.js';
import { runCli } from './run-cli.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(root, 'packages', 'server', 'bin', 'chiso.js');

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
let request: string;
beforeAll(async () => {
  dir = await tempDir();
  request = await writeText(join(dir, 'yeu-cau.json'), JSON.stringify(reportProvinceRequest()));
  await run('npx', ['tsc', '-b'], { cwd: root });
}, 180_000);

describe('chiso report --input (a province with three blocks)', () => {
  it('writes the report as .docx and the appendix as .xlsx', async () => {
    const out = join(dir, 'bao-cao.docx');
    const xlsx = join(dir, 'phu-luc.xlsx');
    const { status, stdout, stderr } = await chiso([
      'report',
      '--input',
      request,
      '--out',
      out,
      '--xlsx',
      xlsx,
    ]);
    expect([status, stdout]).toEqual([0, '']);
    expect(stderr).toBe(`Đã ghi báo cáo ra tệp ${out}\nĐã ghi phụ lục ra tệp ${xlsx}\n`);

    const zip = await JSZip.loadAsync(await readFile(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Hòa An, ngày 01 tháng 3 năm 2026');
    expect(xml).toContain(
      'Có 03 đơn vị (gồm: Sở Giao thông vận tải; Sở Nội vụ; Sở Khoa học và Công nghệ)',
    );
    expect(xml).toContain('Biểu C3: UBND XÃ TÂN LẬP');

    // One long sheet: four heading rows, then each unit's 20 nodes and its total.
    const [sheet, ...others] = await readTables(xlsx);
    expect(others).toEqual([]);
    expect(sheet!.sheet).toBe('Phụ lục');
    expect(sheet!.rows[3]).toEqual([
      'Biểu',
      'Mã đơn vị',
      'Cơ quan, đơn vị',
      'Mã',
      'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
      'Điểm tối đa',
      'Điểm tự đánh giá',
      'Điểm thẩm định',
      'Chênh lệch',
      'Lý do',
    ]);
    const body = sheet!.rows.slice(4);
    expect(body).toHaveLength(12 * 21);
    const health = body.filter((r) => r[1] === 'so-yt');
    expect(health.find((r) => r[3] === '3.1')).toEqual([
      'Biểu A5',
      'so-yt',
      'Sở Y tế',
      '3.1',
      'Công khai thủ tục hành chính',
      6,
      6,
      3,
      -3,
      'Chưa công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công',
    ]);
    expect(health.at(-1)?.slice(4, 9)).toEqual(['TỔNG ĐIỂM', 100, 85, 78, -7]);
    const commune61 = body.find((r) => r[1] === 'x-tanlap' && r[3] === '6.1');
    expect(commune61?.slice(4)).toEqual([
      'Thực hiện dự toán ngân sách (không áp dụng)',
      6,
      null,
      null,
      null,
      'Không áp dụng',
    ]);
  });

  it("prints the report's text without --out or --xlsx", async () => {
    const json = reportProvinceRequest();
    const { date: _date, ...report } = json.report as Record<string, unknown>;
    const file = await writeText(join(dir, 'khong-ngay.json'), JSON.stringify({ ...json, report }));
    const { status, stdout } = await chiso(['report', '--input', file, '--date', '2026-03-09']);
    expect(status).toBe(0);
    expect(stdout).toContain('IV. THỨ HẠNG SO VỚI NĂM 2024\n');
    expect(stdout).toContain('- Giảm bậc: UBND huyện Tứ Lộc (giảm 2 bậc).\n');
    expect(stdout).toContain('3. Chỉ số CCHC của khối UBND xã\n');
  });
});

describe('chiso results on the same request', () => {
  it("ranks the report's request as it is, its report fields read and set aside", async () => {
    const { status, stdout, stderr } = await chiso(['results', '--input', request]);
    expect([status, stderr]).toEqual([0, '']);
    const answer = JSON.parse(stdout) as { units: { id: string; rank: number }[] };
    expect(answer.units.length).toBe((reportProvinceRequest().units as unknown[]).length);
  });
});

describe('chiso report refuses', () => {
  it('a report object with wrong fields, naming each in Vietnamese', async () => {
    const json = reportProvinceRequest();
    json.report = { date: '2026-02-30', review: { areaCodes: [] }, signature: {} };
    const file = await writeText(join(dir, 'sai.json'), JSON.stringify(json));
    const { status, stdout, stderr } = await chiso(['report', '--input', file]);
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toMatch(/^Lỗi: Yêu cầu lập báo cáo không hợp lệ \(3 lỗi\)\n/);
    expect(stderr).toContain('  - report.date: "2026-02-30" không phải là ngày hợp lệ');
    expect(stderr).toContain('  - report.review.areaCodes:');
    expect(stderr).toContain('  - report.signature.position:');
  });

  it('an --out that is not .docx, and an --xlsx that is not .xlsx', async () => {
    const docx = await chiso(['report', '--input', request, '--out', 'bao-cao.pdf']);
    expect(docx.status).toBe(2);
    expect(docx.stderr).toContain('--out phải là tệp .docx');
    const xlsx = await chiso(['report', '--input', request, '--xlsx', 'phu-luc.csv']);
    expect(xlsx.status).toBe(2);
    expect(xlsx.stderr).toContain('--xlsx phải là tệp .xlsx');
  });

  it('an appendix too large for a Word document, pointing to --no-appendix and --xlsx', async () => {
    // 2.400 units × (20 nodes + the total) = 50.400 rows, just above the limit.
    const json = reportProvinceRequest();
    const units = json.units as Record<string, unknown>[];
    json.units = Array.from({ length: 200 }, (_, copy) =>
      units.map((u) => ({
        ...u,
        id: `${String(u.id)}-${copy}`,
        name: `${String(u.name)} ${copy}`,
      })),
    ).flat();
    json.previous = [];
    const file = await writeText(join(dir, 'lon.json'), JSON.stringify(json));
    const capture = captureIo();
    const status = await runCli(
      ['report', '--input', file, '--out', join(dir, 'lon.docx')],
      capture.io,
    );
    expect(status).toBe(2);
    expect(capture.stderr()).toBe(
      'Lỗi: phụ lục có 50.400 dòng, quá lớn cho văn bản Word (tối đa 50.000 dòng): dùng --no-appendix và ghi phụ lục bằng --xlsx\nXem hướng dẫn: chiso --help\n',
    );
  }, 60_000);

  it('a call without --input', async () => {
    const { status, stderr } = await chiso(['report', '--out', 'bao-cao.docx']);
    expect(status).toBe(2);
    expect(stderr).toBe('Lỗi: cần --input <yêu-cầu.json>\nXem hướng dẫn: chiso --help\n');
  });
});
