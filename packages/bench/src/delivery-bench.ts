import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { insertResponseRows } from '../../server/dist/repositories/survey-responses.js';
import { readXlsxRows } from '../../server/dist/spreadsheet/stream-xlsx.js';
import { withZip, limitsForSize } from '../../server/dist/spreadsheet/zip-archive.js';
import { importSurveyResponses } from '../../server/dist/use-cases/survey-responses/import-responses.js';
import { ResponseRowCollector } from '../../server/dist/use-cases/survey-responses/response-rows.js';
import { loadSurvey } from '../../server/dist/use-cases/survey-responses/collection.js';
import { storedQuestionnaire } from '../../server/dist/use-cases/surveys/present-survey.js';
import { ratedUnitsOf } from '../../server/dist/use-cases/surveys/survey-units.js';
import { measureAsync, report, type Figure } from './measure.js';
import { writeResponsesCsv, writeResponsesXlsx } from './survey-files.js';
import {
  openBenchDatabase,
  QUESTIONS,
  surveyWorld,
  UNITS,
  type SurveyWorld,
} from './survey-world.js';

const count = (n: number) => n.toLocaleString('vi-VN');
const seconds = (ms: number) =>
  (ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * CPU time (user + system, ms) of the bench database's PostgreSQL backends, read from /proc (the
 * server runs on this machine); a backend that has ended since keeps the last time read of it.
 */
async function backendCpu(
  db: SurveyWorld['deps']['db'],
  ticksOf: Map<number, number>,
): Promise<number> {
  const result: unknown = await db.execute(
    sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    pid: number;
  }[];
  for (const row of rows) if (!ticksOf.has(Number(row.pid))) ticksOf.set(Number(row.pid), 0);
  for (const pid of ticksOf.keys()) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksOf.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  let ticks = 0;
  for (const value of ticksOf.values()) ticks += value;
  return ticks * 10;
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** The collector of the import's check, over the survey's questionnaire and rated units. */
async function collectorFor(world: SurveyWorld, surveyId: string): Promise<ResponseRowCollector> {
  const survey = await loadSurvey(world.deps.db, surveyId);
  return new ResponseRowCollector(
    storedQuestionnaire(survey),
    await ratedUnitsOf(world.deps.db, survey),
  );
}

/**
 * The post office's delivery (100.000 forms × 30 answers, .xlsx) imported on PostgreSQL
 * (CHISO_BENCH_DATABASE_URL or CHISO_TEST_DATABASE_URL; PGlite when neither is set), split into
 * its parts, each beside its floor in the same run: the sheet's bytes inflated and nothing else,
 * saxes over them with no handler, the reader's rows (parse), parse and check, the checked rows
 * inserted as the import inserts them, a server-side INSERT … SELECT of as many rows, and the
 * whole import through the use-case. CHISO_BENCH_QUICK=1 measures a tenth.
 */
export async function benchDelivery(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const forms = process.env.CHISO_BENCH_QUICK === '1' ? 10_000 : 100_000;
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-delivery-'));
  const xlsx = join(dir, 'phieu-buu-dien.xlsx');
  const warm = join(dir, 'khoi-dong.csv');
  await writeResponsesXlsx(xlsx, forms);
  await writeResponsesCsv(warm, 500);
  const size = (await stat(xlsx)).size;
  const bench = await openBenchDatabase(url);
  const world = await surveyWorld(bench, ['Khởi động', 'Chèn', 'Nhập', 'Sàn']);
  const id = (name: string) => world.surveyIds.get(name) ?? '';
  const tag = `[${bench.kind}]`;
  const what = `${count(forms)} phiếu × ${QUESTIONS} câu (.xlsx ${(size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB)`;
  const lines: string[] = [];
  const pids = new Map<number, number>();
  const step = async (
    name: string,
    work: () => Promise<void>,
    target?: { milliseconds: number },
  ): Promise<void> => {
    const pgBefore = bench.kind === 'PostgreSQL' ? await backendCpu(world.deps.db, pids) : 0;
    const before = process.cpuUsage();
    const figure: Figure = await measureAsync(`${tag} ${name}`, 1, work, target ? { target } : {});
    const used = process.cpuUsage(before);
    const node = (used.user + used.system) / 1000;
    const pg = bench.kind === 'PostgreSQL' ? (await backendCpu(world.deps.db, pids)) - pgBefore : 0;
    lines.push(
      report([figure]),
      `    CPU: Node ${seconds(node)} s${bench.kind === 'PostgreSQL' ? `, PostgreSQL ${seconds(pg)} s` : ''}`,
    );
  };
  try {
    await importSurveyResponses(world.ctx, id('Khởi động'), warm, 'khoi-dong.csv');
    await step(`(sàn) Chỉ giải nén trang tính, ${what}`, async () => {
      await withZip(xlsx, limitsForSize(size), async (zip) => {
        for await (const _chunk of zip.bytes(SHEET));
      });
    });
    await step('(sàn) Giải nén + saxes không xử lý sự kiện nào', async () => {
      const parser = new SaxesParser({ xmlns: false, position: false });
      const decoder = new TextDecoder();
      await withZip(xlsx, limitsForSize(size), async (zip) => {
        for await (const chunk of zip.bytes(SHEET))
          parser.write(decoder.decode(chunk, { stream: true }));
      });
      parser.close();
    });
    await step('Đọc: các dòng của trang tính (readXlsxRows)', async () => {
      let rows = 0;
      await readXlsxRows(xlsx, 'phieu-buu-dien.xlsx', {
        sheet: () => undefined,
        row: () => void rows++,
      });
      if (rows !== forms + 1) throw new Error(`read ${rows} rows`);
    });
    let checked: ResponseRowCollector | undefined;
    await step('Đọc + kiểm tra từng ô (ResponseRowCollector)', async () => {
      const collector = await collectorFor(world, id('Chèn'));
      await readXlsxRows(xlsx, 'phieu-buu-dien.xlsx', collector);
      collector.finish('phieu-buu-dien.xlsx');
      collector.throwIssues('phieu-buu-dien.xlsx');
      if (collector.count !== forms) throw new Error(`checked ${collector.count}`);
      checked = collector;
    });
    const common = {
      surveyId: id('Chèn'),
      channel: 'import',
      submittedOn: '2026-11-20',
      enteredBy: world.ctx.actor?.userId ?? null,
    };
    await step('Chèn các dòng đã kiểm tra, 1.000 một câu lệnh, như lượt nhập chèn', async () => {
      const collector = checked;
      if (!collector) throw new Error('nothing checked');
      await world.deps.db.transaction(async (tx) => {
        for (const slice of collector.slices(1000)) await insertResponseRows(tx, common, slice);
      });
    });
    await step(
      `(sàn) Chèn ${count(forms)} phiếu bằng INSERT … SELECT generate_series`,
      async () => {
        await world.deps.db.execute(sql`
        INSERT INTO survey_responses
          (survey_id, unit_id, channel, answers, form_number, batch, submitted_on)
        SELECT ${id('Sàn')}::uuid, 'S' || lpad(((i % ${UNITS}) + 1)::text, 3, '0'), 'import',
               array_fill((1 + i % 4)::smallint, ARRAY[${QUESTIONS}::int]),
               'BD-' || lpad(i::text, 6, '0'), 'Lô ' || (i / 500 + 1), DATE '2026-11-20'
        FROM generate_series(0, ${forms - 1}) AS i`);
      },
    );
    await step(
      'Nhập cả tệp qua use-case (đọc, kiểm tra, lưu; tất cả hoặc không)',
      async () => {
        const result = await importSurveyResponses(
          world.ctx,
          id('Nhập'),
          xlsx,
          'phieu-buu-dien.xlsx',
        );
        if (result.imported !== forms) throw new Error('wrong import count');
      },
      { milliseconds: 10_000 },
    );
  } finally {
    await world.close();
    await rm(dir, { recursive: true, force: true });
  }
  return [
    `Tệp của bưu điện, ${what}: từng phần bên cạnh sàn của nó (CPU của PostgreSQL: các tiến trình phục vụ CSDL đo, đọc từ /proc)`,
    ...lines,
  ].join('\n');
}
