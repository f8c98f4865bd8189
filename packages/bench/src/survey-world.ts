import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseQuestionnaire, type QuestionnaireInput } from '@chiso/core';
import pg from 'pg';
// The server's own modules, as built: the bench measures the code that runs in production.
import { readConfig } from '../../server/dist/config.js';
import type { Deps, UseCaseContext } from '../../server/dist/context.js';
import { openDatabase, type Database } from '../../server/dist/db/database.js';
import { departmentFramework } from '../../server/dist/demo/catalogue.js';
import { insertFramework } from '../../server/dist/repositories/frameworks.js';
import { insertSurvey } from '../../server/dist/repositories/surveys.js';
import { upsertUnit } from '../../server/dist/repositories/units.js';
import { actorOf, insertUser } from '../../server/dist/repositories/users.js';
import { localEvidenceStore } from '../../server/dist/storage/evidence-store.js';
import { createPeriod } from '../../server/dist/use-cases/periods/create-period.js';
import { questionnaireColumns } from '../../server/dist/use-cases/surveys/present-survey.js';

export const YEAR = 2026;
export const QUESTIONS = 30;
/** Departments rated; responses are spread evenly over them. */
export const UNITS = 100;
export const unitId = (i: number) => `S${String((i % UNITS) + 1).padStart(3, '0')}`;
export const OPTION_KEYS = ['A', 'B', 'C', 'D'];

/** A database to measure on: PGlite in memory, or a new database on a PostgreSQL server. */
export interface BenchDatabase {
  kind: 'PGlite' | 'PostgreSQL';
  database: Database;
  /** PostgreSQL: the bench database's address. */
  url?: string;
  drop: () => Promise<void>;
}

export async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  if (url === undefined) {
    const database = await openDatabase({});
    return { kind: 'PGlite', database, drop: () => database.close() };
  }
  const name = `chiso_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    kind: 'PostgreSQL',
    database,
    url: target.toString(),
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A PAR form of 30 questions feeding leaf 8.1, four options A 100, B 60, C 20, D 0. */
export function benchQuestionnaire(name: string): QuestionnaireInput {
  const weights = ['100', '60', '20', '0'];
  return {
    name,
    kind: 'par',
    group: 'daiBieu',
    groupLabel: 'Đại biểu HĐND tỉnh',
    ratedUnitType: 'so',
    questions: Array.from({ length: QUESTIONS }, (_x, i) => ({
      code: `C${i + 1}`,
      text: `Câu hỏi ${i + 1}`,
      leafCode: '8.1',
      optional: i % 10 === 9,
      options: OPTION_KEYS.map((key, o) => ({
        key,
        label: `Phương án ${key}`,
        weight: weights[o] ?? '0',
      })),
    })),
  };
}

export interface SurveyWorld {
  deps: Deps;
  ctx: UseCaseContext;
  periodId: string;
  /** Open surveys by name. */
  surveyIds: Map<string, string>;
  close: () => Promise<void>;
}

/** A province of 100 departments, the demo's department framework and a period with surveys. */
export async function surveyWorld(
  bench: BenchDatabase,
  surveyNames: readonly string[],
): Promise<SurveyWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-bench-'));
  const now = new Date('2026-11-20T03:00:00Z');
  const deps: Deps = {
    db: bench.database.db,
    clock: () => now,
    storage: localEvidenceStore(join(dataDir, 'evidence')),
    config: readConfig({ CHISO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
  };
  const db = deps.db;
  const admin = await insertUser(db, {
    username: 'quantri',
    fullName: 'Quản trị',
    passwordHash: 'x',
    role: 'administrator',
    unitId: null,
  });
  const ctx: UseCaseContext = { actor: actorOf(admin), ip: 'bench', now, deps };
  for (let i = 0; i < UNITS; i++) {
    await upsertUnit(db, { id: unitId(i), name: `Sở số ${i + 1}`, type: 'so', peerGroup: 'so' });
  }
  const framework = await insertFramework(db, {
    ...departmentFramework(YEAR),
    year: YEAR,
    unitType: 'so',
  });
  const period = await createPeriod(ctx, {
    name: `Chỉ số CCHC năm ${YEAR}`,
    year: YEAR,
    frameworks: { so: framework.id },
  });
  const surveyIds = new Map<string, string>();
  for (const name of surveyNames) {
    const row = await insertSurvey(db, {
      periodId: period.id,
      ...questionnaireColumns(parseQuestionnaire(benchQuestionnaire(name))),
      status: 'open',
    });
    surveyIds.set(name, row.id);
  }
  return {
    deps,
    ctx,
    periodId: period.id,
    surveyIds,
    close: async () => {
      await bench.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
