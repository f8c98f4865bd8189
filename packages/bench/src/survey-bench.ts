import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { recomputeSurveyTallies } from '../../server/dist/repositories/survey-tallies.js';
import { computePeriodResults } from '../../server/dist/use-cases/results/period-results.js';
import { importSurveyResponses } from '../../server/dist/use-cases/survey-responses/import-responses.js';
import { readSurveyResults } from '../../server/dist/use-cases/survey-results/read-survey-results.js';
import { measureAsync, report, type Figure } from './measure.js';
import { writeResponsesCsv, writeResponsesXlsx } from './survey-files.js';
import {
  openBenchDatabase,
  QUESTIONS,
  surveyWorld,
  UNITS,
  YEAR,
  type SurveyWorld,
} from './survey-world.js';

const count = (n: number) => n.toLocaleString('vi-VN');
const megabytes = async (path: string) =>
  ((await stat(path)).size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** `n` link responses of 30 answers spread over the units, generated in one INSERT … SELECT. */
async function insertResponses(world: SurveyWorld, surveyId: string, n: number): Promise<void> {
  const answers = Array.from({ length: QUESTIONS }, (_x, q) =>
    // Every tenth question is optional: 0 (blank) now and then.
    q % 10 === 9 ? 'floor(random() * 4.4)::smallint' : '(1 + floor(random() * 4))::smallint',
  ).join(', ');
  await world.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT setseed(0.2026)`);
    await tx.execute(sql`
      INSERT INTO survey_responses (survey_id, unit_id, channel, answers, submitted_on)
      SELECT ${surveyId}::uuid, 'S' || lpad(((i % ${UNITS}) + 1)::text, 3, '0'), 'link',
             ARRAY[${sql.raw(answers)}], DATE '2026-11-20'
      FROM generate_series(0, ${n - 1}) AS i`);
  });
  // Statistics, as autovacuum would gather them after such a load.
  await world.deps.db.execute(sql`ANALYZE survey_responses`);
}

/**
 * Surveys on PGlite, and on PostgreSQL when CHISO_BENCH_DATABASE_URL (or the tests'
 * CHISO_TEST_DATABASE_URL) names a server: importing the post office's delivery through the
 * same use-case as the upload, counting a million responses into tallies, and the period's
 * results computed from the tallies. CHISO_BENCH_QUICK=1 measures a tenth of the volume.
 */
export async function benchSurveys(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const scale = process.env.CHISO_BENCH_QUICK === '1' ? 10 : 1;
  const imported = 100_000 / scale;
  const counted = 1_000_000 / scale;
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-files-'));
  const csv = join(dir, 'phieu-buu-dien.csv');
  const xlsx = join(dir, 'phieu-buu-dien.xlsx');
  const warm = join(dir, 'khoi-dong.csv');
  await writeResponsesCsv(csv, imported);
  await writeResponsesXlsx(xlsx, imported);
  await writeResponsesCsv(warm, 500);
  const sections: string[] = [];
  try {
    // PostgreSQL first: PGlite keeps its database in this process's memory, which would
    // otherwise count in the PostgreSQL figures' peak.
    for (const target of url === undefined ? [undefined] : [url, undefined]) {
      const bench = await openBenchDatabase(target);
      const world = await surveyWorld(bench, ['Khởi động', 'CSV', 'XLSX', 'Triệu phiếu']);
      const id = (name: string) => world.surveyIds.get(name) ?? '';
      const db = world.deps.db;
      const tag = `[${bench.kind}]`;
      const figures: Figure[] = [];
      try {
        // A small import first, so that the measured ones do not pay for loading code.
        await importSurveyResponses(world.ctx, id('Khởi động'), warm, 'khoi-dong.csv');
        for (const [name, path, file] of [
          ['CSV', csv, 'phieu-buu-dien.csv'],
          ['XLSX', xlsx, 'phieu-buu-dien.xlsx'],
        ] as const) {
          figures.push(
            await measureAsync(
              `${tag} Nhập ${count(imported)} phiếu giấy × ${QUESTIONS} câu từ tệp .${name.toLowerCase()} (${await megabytes(path)} MB): đọc, kiểm tra từng ô, lưu trong một giao dịch`,
              1,
              async () => {
                const result = await importSurveyResponses(world.ctx, id(name), path, file);
                if (result.imported !== imported) throw new Error('wrong import count');
              },
            ),
          );
        }
        figures.push(
          await measureAsync(
            `${tag} (chuẩn bị) Nạp ${count(counted)} phiếu bằng generate_series`,
            1,
            () => insertResponses(world, id('Triệu phiếu'), counted),
          ),
        );
        const runs = bench.kind === 'PGlite' ? 2 : 3;
        figures.push(
          await measureAsync(
            `${tag} Tính lại bảng đếm: ${count(counted)} phiếu × ${QUESTIONS} câu, ${UNITS} đơn vị (một câu lệnh SQL)`,
            runs,
            async () => {
              const n = await db.transaction((tx) =>
                recomputeSurveyTallies(tx, id('Triệu phiếu'), world.ctx.now),
              );
              if (n !== counted) throw new Error(`counted ${n}, expected ${counted}`);
            },
            { target: { milliseconds: 5000 } },
          ),
        );
        figures.push(
          await measureAsync(
            `${tag} (so sánh) Cùng phép đếm bằng unnest(answers) WITH ORDINALITY, chỉ đọc`,
            1,
            async () => {
              await db.execute(sql`
                SELECT r.unit_id, a.q, a.o, count(*)
                FROM survey_responses r, unnest(r.answers) WITH ORDINALITY AS a(o, q)
                WHERE r.survey_id = ${id('Triệu phiếu')}::uuid
                GROUP BY 1, 2, 3`);
            },
          ),
        );
        await db.transaction((tx) => recomputeSurveyTallies(tx, id('CSV'), world.ctx.now));
        figures.push(
          await measureAsync(
            `${tag} Kết quả kỳ đánh giá (${UNITS} sở, bộ chỉ số mẫu) với điểm khảo sát từ bảng đếm`,
            5,
            async () => {
              const [results] = await computePeriodResults(db, world.periodId, YEAR);
              if (results?.results.units.length !== UNITS) throw new Error('wrong unit count');
            },
            { target: { milliseconds: 1000 } },
          ),
        );
        figures.push(
          await measureAsync(
            `${tag} Trang kết quả khảo sát (tỷ lệ phản hồi, điểm tiêu chí, SIPAS) cho ${UNITS} sở`,
            5,
            async () => {
              await readSurveyResults(world.ctx, world.periodId);
            },
          ),
        );
      } finally {
        await world.close();
      }
      sections.push(report(figures));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    'Khảo sát (bộ nhớ là của tiến trình Node; với PostgreSQL không gồm bộ nhớ của máy chủ CSDL):',
    ...sections,
  ].join('\n');
}
