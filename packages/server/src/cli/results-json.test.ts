import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIo, tempDir, writeText } from '../test-support/files.js';
import type { CliIo } from './io.js';
import { runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const example = join(root, 'examples', 'yeu-cau.json');

/** The fields a unit has in the default output, in order. */
const UNIT_FIELDS = [
  'id',
  'name',
  'group',
  'type',
  'points',
  'maxPoints',
  'percent',
  'rank',
  'groupSize',
  'band',
  'previousId',
  'previousRank',
  'previousPercent',
  'rankChange',
  'percentChange',
  'headRating',
  'headRatingNote',
  'flags',
  'flagDetails',
  'missing',
  'areas',
];

interface UnitJson {
  id: string;
  points: number;
  percent: number;
  rank: number;
  areas: { code: string; points: number; percent: number }[];
  nodes?: { code: string; points: number; status: string; explanation: string | null }[];
  lostPoints?: { code: string; lost: number; explanation: string | null }[];
}

/** Standard streams that keep every piece written and check that each write was awaited. */
function streamingIo() {
  const pieces: string[] = [];
  let pending = false;
  let overlapped = false;
  const io: CliIo = {
    ...captureIo().io,
    write: async (text) => {
      if (pending) overlapped = true;
      pending = true;
      pieces.push(text);
      // A slow reader: the stream says "wait" until the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      pending = false;
    },
  };
  return { io, pieces, overlapped: () => overlapped };
}

let dir: string;
let province: string;
beforeAll(async () => {
  dir = await tempDir();
  // The example's two units, copied into 600 with their own scores: about 2 MB of detail.
  const request = JSON.parse(await readFile(example, 'utf8')) as {
    units: { id: string; name: string; facts: Record<string, unknown> }[];
    previous: unknown[];
  };
  const units = Array.from({ length: 600 }, (_x, i) => {
    const base = request.units[i % 2]!;
    return {
      ...base,
      id: `${base.id}-${i}`,
      name: `${base.name} ${i}`,
      facts: '1.2' in base.facts ? { ...base.facts, '1.2': { occurrences: i % 5 } } : base.facts,
    };
  });
  province = await writeText(
    join(dir, 'tinh.json'),
    JSON.stringify({ ...request, units, previous: [] }),
  );
});

async function results(args: string[]) {
  const capture = captureIo();
  const status = await runCli(['results', ...args], capture.io);
  expect(capture.stderr()).toBe('');
  expect(status).toBe(0);
  return capture.stdout();
}

describe('chiso results --input: the default output', () => {
  it('is compact and holds the unit-level fields only', async () => {
    const stdout = await results(['--input', example]);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.trimEnd()).not.toMatch(/\n/);
    expect(stdout).not.toMatch(/": /);
    const json = JSON.parse(stdout) as { framework: unknown; units: UnitJson[] };
    expect(json.framework).toEqual({ name: 'Bộ chỉ số minh họa (trích cấp huyện)', maxPoints: 10 });
    for (const unit of json.units) expect(Object.keys(unit)).toEqual(UNIT_FIELDS);
    const vanBan = json.units.find((u) => u.id === 'van-ban') as UnitJson & Record<string, unknown>;
    expect(vanBan.areas.map((a) => [a.code, a.points, a.percent])).toEqual([
      ['1', 1.5, 50],
      ['3', 2.859, 95.3],
      ['7', 1.317, 32.925],
    ]);
    expect(vanBan).toMatchObject({
      points: 5.676,
      rank: 2,
      headRating: 'Không hoàn thành nhiệm vụ',
      flags: ['Phải tổ chức kiểm điểm (Cải cách TTHC hoặc Chính quyền điện tử, số dưới 75%)'],
    });
  });
});

describe('chiso results --input --detail', () => {
  it('adds every node with its explanation and the lost points, with the same numbers', async () => {
    const brief = JSON.parse(await results(['--input', example])) as { units: UnitJson[] };
    const detail = JSON.parse(await results(['--input', example, '--detail'])) as {
      units: UnitJson[];
    };
    expect(detail.units.map(({ nodes: _n, lostPoints: _l, ...unit }) => unit)).toEqual(brief.units);
    const vanBan = detail.units.find((u) => u.id === 'van-ban');
    expect(vanBan?.nodes?.find((n) => n.code === '3.1')).toEqual({
      code: '3.1',
      points: 0.95,
      maxPoints: 1,
      applicable: true,
      status: 'scored',
      explanation: '574/596 = 96,31% < 100% → 0,95/1',
    });
    // Lost points carry the leaf's explanation: the reason they were lost.
    const lost = vanBan?.lostPoints?.find((l) => l.code === '3.1');
    expect(lost).toMatchObject({ lost: 0.05, explanation: '574/596 = 96,31% < 100% → 0,95/1' });
    for (const unit of detail.units) {
      const leaves = unit.nodes?.filter((n) => n.status !== 'total') ?? [];
      expect(leaves.length).toBeGreaterThan(0);
      for (const leaf of leaves) expect(leaf.explanation).toEqual(expect.any(String));
    }
  });

  it('is written in pieces, each write awaited, and the pieces make one JSON document', async () => {
    const streams = streamingIo();
    expect(await runCli(['results', '--input', province, '--detail'], streams.io)).toBe(0);
    expect(streams.pieces.length).toBeGreaterThan(1);
    for (const piece of streams.pieces) expect(piece.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(streams.overlapped()).toBe(false);
    const json = JSON.parse(streams.pieces.join('')) as { units: UnitJson[] };
    expect(json.units).toHaveLength(600);
    // The pieces break between units, never inside one.
    for (const piece of streams.pieces.slice(1)) expect(piece.startsWith(',{"id":')).toBe(true);
  });

  it('gives the same units, totals and ranks as the default on a province', async () => {
    const brief = JSON.parse(await results(['--input', province])) as { units: UnitJson[] };
    const detail = JSON.parse(await results(['--input', province, '--detail'])) as {
      units: UnitJson[];
    };
    const key = (u: UnitJson) => [u.id, u.points, u.percent, u.rank];
    expect(detail.units.map(key)).toEqual(brief.units.map(key));
    for (const unit of detail.units) {
      const areas = unit.nodes?.filter((n) => !n.code.includes('.')).map((n) => n.points);
      expect(areas).toEqual(unit.areas.map((a) => a.points));
    }
  });
});

describe('chiso results with spreadsheets and --json or --detail', () => {
  const spreadsheets = [
    '--framework',
    join(root, 'examples', 'dak-glong-2023.csv'),
    '--scores',
    join(root, 'examples', 'huyen-2023-diem.csv'),
  ];

  it('prints the same compact JSON with --json, and nodes with --json --detail', async () => {
    const brief = JSON.parse(await results([...spreadsheets, '--json'])) as { units: UnitJson[] };
    expect(brief.units).toHaveLength(12);
    for (const unit of brief.units) expect(Object.keys(unit)).toEqual(UNIT_FIELDS);
    const detail = JSON.parse(await results([...spreadsheets, '--json', '--detail'])) as {
      units: UnitJson[];
    };
    expect(detail.units[0]?.nodes?.length).toBeGreaterThan(10);
  });

  it('refuses --detail for the ranking table, which has no room for it', async () => {
    const capture = captureIo();
    expect(await runCli(['results', ...spreadsheets, '--detail'], capture.io)).toBe(2);
    expect(capture.stderr()).toBe(
      'Lỗi: --detail chỉ dùng khi in kết quả JSON (--input hoặc --json)\nXem hướng dẫn: chiso --help\n',
    );
  });
});
