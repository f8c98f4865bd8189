import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Cell } from '@chiso/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_004_TABLE } from '../../../core/src/test-support/seed-004.js';
import { readTables } from '../spreadsheet/read-table.js';
import { captureIo, tempDir, writeText, writeXlsx } from '../test-support/files.js';
import { runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const example = (name: string) => join(root, 'examples', name);

async function cli(args: string[], stdin = '') {
  const capture = captureIo(stdin);
  const status = await runCli(args, capture.io);
  return { status, stdout: capture.stdout(), stderr: capture.stderr() };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe('chiso results --input (JSON in, JSON out)', () => {
  it('computes the example request exactly', async () => {
    const { status, stdout, stderr } = await cli(['results', '--input', example('yeu-cau.json')]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as { units: Record<string, unknown>[] };
    expect(
      json.units.map((u) => [
        u.id,
        u.points,
        u.maxPoints,
        u.percent,
        u.rank,
        u.rankChange,
        u.percentChange,
      ]),
    ).toEqual([
      ['bac-ha', 9.594, 10, 95.94, 1, 1, 29.94],
      ['van-ban', 5.676, 10, 56.76, 2, -1, -11.74],
    ]);
    expect(json.units[1]).not.toHaveProperty('nodes');
    const detail = await cli(['results', '--input', example('yeu-cau.json'), '--detail']);
    const vanBan = (JSON.parse(detail.stdout) as { units: unknown[] }).units[1] as {
      nodes: { code: string; explanation: string }[];
    };
    expect(vanBan.nodes.find((n) => n.code === '3.1')?.explanation).toBe(
      '574/596 = 96,31% < 100% → 0,95/1',
    );
  });

  it('reads the request from standard input with "-"', async () => {
    const request = await readFile(example('yeu-cau.json'), 'utf8');
    const { status, stdout } = await cli(['results', '--input', '-'], request);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('units');
  });

  it('refuses a malformed request with every problem and its path', async () => {
    const request = JSON.stringify({
      framework: { name: 'X', nodes: [{ code: '1', title: 'A', maxPoints: '2,5x' }] },
      units: [{ id: 'u', name: 'U', points: { '1': 3 } }],
    });
    const { status, stdout, stderr } = await cli([
      'results',
      '--input',
      await writeText(join(dir, 'bad.json'), request),
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Lỗi: Yêu cầu tính kết quả không hợp lệ\n  - framework.nodes[0].maxPoints: "2,5x" không phải là số\n',
    );
  });

  it('refuses points outside a leaf', async () => {
    const request = JSON.stringify({
      framework: { name: 'X', nodes: [{ code: '1', title: 'A', maxPoints: 2 }] },
      units: [{ id: 'u', name: 'U', points: { '1': 3 } }],
    });
    const { status, stderr } = await cli([
      'results',
      '--input',
      await writeText(join(dir, 'range.json'), request),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain('units[0].points.1: 3 điểm nằm ngoài khoảng 0–2 của tiêu chí 1');
  });

  it('says so when the file is not JSON', async () => {
    const { status, stderr } = await cli([
      'results',
      '--input',
      await writeText(join(dir, 'x.json'), '{ units: '),
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Lỗi: Tệp ".*x\.json" không phải JSON hợp lệ\n/);
  });
});

describe('chiso results with spreadsheets', () => {
  it('reproduces seed 004 from an .xlsx with the points column: 78,42', async () => {
    const file = await writeXlsx(join(dir, 'dak-glong.xlsx'), { 'Phụ lục': SEED_004_TABLE });
    const { status, stdout } = await cli([
      'results',
      '--framework',
      file,
      '--unit',
      'UBND huyện Đắk Glong',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('UBND huyện Đắk Glong  78,42/100  78,42%');
    expect(stdout).toContain('Không hoàn thành nhiệm vụ');
    expect(stdout).toContain('— lĩnh vực 7');
  });

  it('ranks a province from CSV files, follows lineage, and exports a workbook that reads back', async () => {
    const out = join(dir, 'ket-qua.xlsx');
    const { status, stdout, stderr } = await cli([
      'results',
      '--framework',
      example('dak-glong-2023.csv'),
      '--name',
      'Bộ chỉ số cấp huyện 2023',
      '--scores',
      example('huyen-2023-diem.csv'),
      '--previous',
      example('huyen-2022-ket-qua.csv'),
      '--lineage',
      example('huyen-ke-thua.csv'),
      '--out',
      out,
    ]);
    expect(status).toBe(0);
    expect(stderr).toBe(`Đã ghi kết quả ra tệp ${out}\n`);
    expect(stdout).toContain('Nhóm: UBND cấp huyện — 12 đơn vị');
    expect(stdout).toMatch(/UBND huyện Ea Krông\s.*(tăng|giảm) \d+ bậc/);

    const sheets = await readTables(out);
    expect(sheets.map((s) => s.sheet)).toEqual(['Xếp hạng', 'Chi tiết', 'Điểm bị mất']);
    const again = await cli([
      'results',
      '--framework',
      example('dak-glong-2023.csv'),
      '--scores',
      example('huyen-2023-diem.csv'),
      '--previous',
      out,
    ]);
    expect(again.status).toBe(0);
    const changes = again.stdout.split('\n').filter((line) => /^\s+\d+\s+UBND huyện/.test(line));
    expect(changes).toHaveLength(12);
    for (const line of changes) expect(line).toContain('giữ nguyên (0%)');
  });

  it('refuses a framework file with a bad row, naming sheet, row and column, and prints no stack', async () => {
    const rows: Cell[][] = SEED_004_TABLE.map((row) =>
      row[0] === '1.2' ? ['1.2', row[1] ?? null, 'một', '1'] : row,
    );
    const file = await writeXlsx(join(dir, 'bad.xlsx'), { 'Phụ lục': rows });
    const { status, stdout, stderr } = await cli(['results', '--framework', file]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Lỗi: Không nhập được bộ chỉ số từ trang "Phụ lục"\n  - Trang "Phụ lục", dòng 7, cột C (Điểm chuẩn): "một" không phải là số\n',
    );
  });

  it('refuses an old .xls, a renamed program and a CSV not in UTF-8', async () => {
    const xls = await writeText(
      join(dir, 'cu.xls'),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
    );
    expect((await cli(['results', '--framework', xls])).stderr).toContain('Excel 97-2003 (.xls)');
    const elf = await writeText(
      join(dir, 'virus.xlsx'),
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    );
    expect((await cli(['results', '--framework', elf])).stderr).toContain(
      'nội dung không phải bảng tính Excel',
    );
    const latin = await writeText(
      join(dir, 'ansi.csv'),
      new Uint8Array([0x53, 0x74, 0x74, 0x3b, 0xd0, 0x69, 0xea, 0x6d]),
    );
    expect((await cli(['results', '--framework', latin])).stderr).toContain('bảng mã UTF-8');
  });
});

describe('chiso usage errors', () => {
  it('prints help and fails without a command', async () => {
    const { status, stdout } = await cli([]);
    expect(status).toBe(2);
    expect(stdout).toContain('chiso results --input');
  });

  it('names an unknown option', async () => {
    expect(await cli(['results', '--frame', 'x'])).toMatchObject({
      status: 2,
      stderr: 'Lỗi: không có tùy chọn --frame\nXem hướng dẫn: chiso --help\n',
    });
  });

  it('names a missing input', async () => {
    expect((await cli(['results'])).stderr).toContain(
      'cần --input <yêu-cầu.json> hoặc --framework',
    );
  });

  it('names an unknown command', async () => {
    expect((await cli(['ranks'])).stderr).toContain('không có lệnh "ranks"');
  });
});

describe('the installed chiso command', () => {
  const run = promisify(execFile);
  const bin = join(root, 'node_modules', '.bin', 'chiso');

  beforeAll(async () => {
    await run('npx', ['tsc', '-b'], { cwd: root });
  }, 120_000);

  it('runs from the repository root as npx chiso would', async () => {
    const { stdout } = await run(bin, ['results', '--input', 'examples/yeu-cau.json'], {
      cwd: root,
    });
    expect((JSON.parse(stdout) as { units: unknown[] }).units).toHaveLength(2);
  });

  /** The packages under node_modules a run of the command loads, seen by a resolve hook. */
  async function packagesLoaded(args: string[], env: Record<string, string> = {}) {
    const log = join(dir, `modules-${args.join('-').replace(/\W+/g, '')}.log`);
    const hooks = await writeText(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`,
    );
    const register = await writeText(
      join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});`,
    );
    const { DATABASE_URL: _url, ...inherited } = process.env;
    const script = join(root, 'packages', 'server', 'bin', 'chiso.js');
    const result = await run(process.execPath, ['--import', register, script, ...args], {
      cwd: root,
      env: { ...inherited, ...env },
    });
    const urls = (await readFile(log, 'utf8')).split('\n');
    const names = urls.flatMap(
      (url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? [],
    );
    return { stdout: result.stdout, packages: new Set(names) };
  }
  const HEAVY = ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'fastify', 'drizzle-orm'];

  it('loads neither the database, the password hashing, the web server nor exceljs for results --input or plan --input', async () => {
    const { stdout, packages } = await packagesLoaded([
      'results',
      '--input',
      example('yeu-cau.json'),
    ]);
    expect((JSON.parse(stdout) as { units: unknown[] }).units).toHaveLength(2);
    expect(packages.has('zod')).toBe(true);
    for (const name of [...HEAVY, 'exceljs']) expect(packages, name).not.toContain(name);
    const plan = await packagesLoaded([
      'plan',
      '--input',
      example('ke-hoach-yeu-cau.json'),
      '--unit',
      'dak-glong',
      '--json',
    ]);
    expect((JSON.parse(plan.stdout) as { rows: unknown[] }).rows).toHaveLength(53);
    for (const name of [...HEAVY, 'exceljs', 'docx'])
      expect(plan.packages, name).not.toContain(name);
    const spreadsheets = await packagesLoaded([
      'results',
      '--framework',
      example('dak-glong-2023.csv'),
    ]);
    // Reading a table takes the zip and XML readers, not ExcelJS (decision 0035).
    expect(spreadsheets.packages).toContain('yauzl');
    expect(spreadsheets.packages).toContain('saxes');
    for (const name of [...HEAVY, 'exceljs'])
      expect(spreadsheets.packages, name).not.toContain(name);
  });

  it('creates the first administrator with chiso admin create, loading the database then', async () => {
    const dataDir = join(dir, 'du-lieu');
    const { stdout, packages } = await packagesLoaded(
      ['admin', 'create', '--username', 'quantri', '--name', 'Nguyễn Văn A'],
      { CHISO_DATA_DIR: dataDir, CHISO_ADMIN_PASSWORD: 'mat-khau-du-dai' },
    );
    expect(stdout).toBe('Đã tạo tài khoản quản trị "quantri".\n');
    for (const name of ['@electric-sql/pglite', 'drizzle-orm', '@node-rs/argon2']) {
      expect(packages, name).toContain(name);
    }
  }, 120_000);

  it('exits non-zero with one clear message on bad input', async () => {
    const failure = await run(bin, ['results', '--input', 'khong-co.json'], { cwd: root }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Lỗi: Không tìm thấy hoặc không mở được tệp "khong-co.json"\n',
    });
  });
});
