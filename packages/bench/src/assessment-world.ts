import { randomBytes } from 'node:crypto';
import { buildFramework, parseQuestionnaire } from '@chiso/core';
import pg from 'pg';
import { openDatabase } from '../../server/dist/db/database.js';
import { departmentFramework } from '../../server/dist/demo/catalogue.js';
import { insertFramework } from '../../server/dist/repositories/frameworks.js';
import { upsertWindow } from '../../server/dist/repositories/periods.js';
import { insertSurvey } from '../../server/dist/repositories/surveys.js';
import { upsertUnit } from '../../server/dist/repositories/units.js';
import { actorOf, insertUser } from '../../server/dist/repositories/users.js';
import { hashPassword } from '../../server/dist/security/passwords.js';
import { saveSelfEntry } from '../../server/dist/use-cases/assessment/save-self-entry.js';
import { createPeriod } from '../../server/dist/use-cases/periods/create-period.js';
import { questionnaireColumns } from '../../server/dist/use-cases/surveys/present-survey.js';
import { adminContext } from './bench-context.js';
import { benchQuestionnaire } from './survey-world.js';

export const YEAR = 2026;
export const NOW = new Date('2026-12-10T03:00:00Z');
export const UNIT = 'S001';
export const OFFICER = { username: 'canbo.s001', password: 'mat-khau-do-hieu-nang' };
export const ADMIN = { username: 'quantri', password: 'mat-khau-do-hieu-nang' };
const DAY = 86_400_000;

/** Where the assessment world lives: a PGlite folder, or a database of its own on a server. */
export interface AssessmentStore {
  kind: 'PGlite' | 'PostgreSQL';
  dataDir: string;
  databaseUrl: string | undefined;
  drop: () => Promise<void>;
}

export async function assessmentStore(
  dataDir: string,
  serverUrl: string | undefined,
): Promise<AssessmentStore> {
  if (serverUrl === undefined) {
    return { kind: 'PGlite', dataDir, databaseUrl: undefined, drop: () => Promise.resolve() };
  }
  const name = `chiso_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return {
    kind: 'PostgreSQL',
    dataDir,
    databaseUrl: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A province's 100 departments, the demo's department framework (every area, some 50 leaves)
 * in a 2026 period whose self-assessment is open at NOW, two open PAR surveys of 30 questions
 * feeding leaf 8.1, and department S001's officer, who has saved every leaf once (points on
 * the manually scored ones, an explanation on each). Returns the period and the leaf codes.
 */
export async function seedAssessment(
  store: AssessmentStore,
): Promise<{ periodId: string; leaves: string[] }> {
  const database = await openDatabase(
    store.databaseUrl === undefined
      ? { dataDir: store.dataDir }
      : { databaseUrl: store.databaseUrl },
  );
  try {
    const { db } = database;
    const admin = await insertUser(db, {
      username: ADMIN.username,
      fullName: 'Quản trị đo hiệu năng',
      passwordHash: await hashPassword(ADMIN.password),
      role: 'administrator',
      unitId: null,
    });
    const ctx = { ...adminContext(db, NOW, 'chiso-assessment-bench'), actor: actorOf(admin) };
    for (let i = 1; i <= 100; i++) {
      const id = `S${String(i).padStart(3, '0')}`;
      await upsertUnit(db, { id, name: `Sở số ${i}`, type: 'so', peerGroup: 'so' });
    }
    const input = departmentFramework(YEAR);
    const framework = await insertFramework(db, { ...input, year: YEAR, unitType: 'so' });
    const period = await createPeriod(ctx, {
      name: `Chỉ số CCHC năm ${YEAR}`,
      year: YEAR,
      frameworks: { so: framework.id },
    });
    const opens = NOW.getTime() - 20 * DAY;
    await upsertWindow(db, period.id, {
      kind: 'selfAssessment',
      opensAt: opens,
      closesAt: NOW.getTime() + 20 * DAY,
    });
    await upsertWindow(db, period.id, {
      kind: 'appraisal',
      opensAt: NOW.getTime() + 21 * DAY,
      closesAt: NOW.getTime() + 30 * DAY,
    });
    for (const name of ['Đại biểu HĐND', 'Doanh nghiệp']) {
      await insertSurvey(db, {
        periodId: period.id,
        ...questionnaireColumns(parseQuestionnaire(benchQuestionnaire(name))),
        status: 'open',
      });
    }
    const officer = await insertUser(db, {
      username: OFFICER.username,
      fullName: 'Cán bộ Sở số 1',
      passwordHash: await hashPassword(OFFICER.password),
      role: 'unitOfficer',
      unitId: UNIT,
    });
    const officerCtx = { ...ctx, actor: actorOf(officer) };
    const leaves = buildFramework(input).leaves;
    for (const leaf of leaves) {
      await saveSelfEntry(
        officerCtx,
        { periodId: period.id, unitId: UNIT, code: leaf.code },
        {
          ...(leaf.rule?.kind === 'manual' ? { points: leaf.maxPoints } : {}),
          explanation: `Giải trình tiêu chí ${leaf.code}`,
          version: 0,
        },
      );
    }
    return { periodId: period.id, leaves: leaves.map((leaf) => leaf.code) };
  } finally {
    await database.close();
  }
}
