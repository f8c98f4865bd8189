import { sql } from 'drizzle-orm';
import type { Db } from '../../server/dist/db/database.js';
import { participations, type units } from '../../server/dist/db/schema.js';
import { insertFramework } from '../../server/dist/repositories/frameworks.js';
import { insertPeriod, insertPeriodFrameworks } from '../../server/dist/repositories/periods.js';
import { computePeriodResults } from '../../server/dist/use-cases/results/period-results.js';
import { measureAsync, report, type Figure } from './measure.js';
import { frameworkNodes } from './period-results-bench.js';
import { openBenchDatabase } from './survey-world.js';
import { unitRows } from '../../server/dist/repositories/unit-rows.js';

// Issue 12, item 6: a national deployment in one database — 34 provinces, 3.321 communes and
// 30 departments per province, each province's own frameworks and period — and one province's
// results recomputed from the database as publication does, which must stay under 1 s however
// many other provinces share the tables.

const PROVINCES = 34;
const COMMUNES = 3321;
/** The first province is the "province with 100 communes and 30 departments". */
const FIRST_PROVINCE_COMMUNES = 100;
const DEPARTMENTS = 30;
// Nine areas of ten leaves: 90 per unit.
const LEAVES = 10;
const YEAR = 2026;

const provinceId = (p: number) => `T${String(p + 1).padStart(2, '0')}`;

/** How many communes province `p` has: 100 for the first, the rest of 3.321 spread evenly. */
function communesOf(p: number): number {
  if (p === 0) return FIRST_PROVINCE_COMMUNES;
  const rest = COMMUNES - FIRST_PROVINCE_COMMUNES;
  const base = Math.floor(rest / (PROVINCES - 1));
  return base + (p - 1 < rest % (PROVINCES - 1) ? 1 : 0);
}

/** Seeds the nation; returns each province's period id and the number of entries stored. */
async function seedNation(db: Db): Promise<{ periods: string[]; entries: number }> {
  const periodIds: string[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const province = provinceId(p);
    const rows: (typeof units.$inferInsert)[] = [
      { id: province, name: `Tỉnh ${p + 1}`, type: 'tinh', peerGroup: 'tinh' },
      ...Array.from({ length: DEPARTMENTS }, (_, d) => ({
        id: `${province}-S${String(d + 1).padStart(2, '0')}`,
        name: `Sở ${d + 1} tỉnh ${p + 1}`,
        type: 'so',
        parentId: province,
        peerGroup: 'so',
      })),
      ...Array.from({ length: communesOf(p) }, (_, c) => ({
        id: `${province}-X${String(c + 1).padStart(3, '0')}`,
        name: `UBND xã ${c + 1} tỉnh ${p + 1}`,
        type: 'xa',
        parentId: province,
        peerGroup: 'xa',
      })),
    ];
    await db.insert(unitRows).values(rows);
    const byType: Record<string, string> = {};
    for (const unitType of ['so', 'xa']) {
      const framework = await insertFramework(db, {
        name: `Bộ chỉ số ${unitType} tỉnh ${p + 1}`,
        nodes: frameworkNodes(LEAVES),
        year: YEAR,
        unitType,
      });
      await db.execute(
        sql`update frameworks set owner_unit_id = ${province} where id = ${framework.id}`,
      );
      byType[unitType] = framework.id;
    }
    const period = await insertPeriod(db, {
      name: `Chỉ số CCHC năm ${YEAR} tỉnh ${p + 1}`,
      year: YEAR,
      ownerUnitId: province,
    });
    await insertPeriodFrameworks(db, period.id, byType);
    await db
      .insert(participations)
      .values(rows.slice(1).map((u) => ({ periodId: period.id, unitId: u.id, status: 'draft' })));
    periodIds.push(period.id);
  }
  // Every leaf of every unit entered, as after a full self-assessment: about 390.000 rows.
  await db.execute(sql`
    insert into entries (period_id, unit_id, code, facts)
    select pa.period_id, pa.unit_id, n.code,
           jsonb_build_object('numerator', 560 + (abs(hashtext(pa.unit_id || n.code)) % 41),
                              'denominator', 600)
    from participations pa
    join units u on u.id = pa.unit_id
    join period_frameworks pf on pf.period_id = pa.period_id and pf.unit_type = u.type
    join framework_nodes n on n.framework_id = pf.framework_id and n.rule is not null`);
  const counted: unknown = await db.execute(sql`select count(*)::int as n from entries`);
  const rows = Array.isArray(counted) ? counted : (counted as { rows: unknown[] }).rows;
  return { periods: periodIds, entries: (rows[0] as { n: number }).n };
}

/** One province's results recomputed from the database in a national deployment. */
export async function benchNational(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const sections: string[] = [];
  for (const target of url === undefined ? [undefined] : [url, undefined]) {
    const bench = await openBenchDatabase(target);
    const db = bench.database.db;
    try {
      const seeded = await seedNation(db);
      const figures: Figure[] = [];
      const first = seeded.periods[0] ?? '';
      const last = seeded.periods[PROVINCES - 1] ?? '';
      // The floor: the least a recomputation must do, reading the province's scored rows.
      const floor = await measureAsync(
        `Sàn: chỉ đọc các dòng chấm điểm của tỉnh đó (${FIRST_PROVINCE_COMMUNES} xã, ${DEPARTMENTS} sở)`,
        5,
        async () => {
          await db.execute(
            sql`select unit_id, code, facts from entries where period_id = ${first}`,
          );
        },
      );
      figures.push(
        floor,
        await measureAsync(
          `Tính lại kết quả một tỉnh (${FIRST_PROVINCE_COMMUNES} xã, ${DEPARTMENTS} sở × 90 tiêu chí) giữa ${PROVINCES} tỉnh`,
          5,
          async () => {
            await computePeriodResults(db, first, YEAR);
          },
          { target: { milliseconds: 1000 } },
        ),
        await measureAsync(
          `Tính lại kết quả tỉnh thứ ${PROVINCES} (${communesOf(PROVINCES - 1)} xã, ${DEPARTMENTS} sở)`,
          5,
          async () => {
            await computePeriodResults(db, last, YEAR);
          },
          { target: { milliseconds: 1000 } },
        ),
      );
      const recompute = figures[1];
      const ratio = recompute ? recompute.medianMs / Math.max(floor.medianMs, 0.001) : 0;
      sections.push(
        `${bench.kind}: ${PROVINCES} tỉnh, ${COMMUNES.toLocaleString('vi-VN')} xã, ${(PROVINCES * DEPARTMENTS).toLocaleString('vi-VN')} sở, ${seeded.entries.toLocaleString('vi-VN')} dòng chấm điểm trong một cơ sở dữ liệu\n${report(figures)}\n    tính lại một tỉnh = ${ratio.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} × sàn`,
      );
    } finally {
      await bench.drop();
    }
  }
  return `Triển khai toàn quốc trên một cơ sở dữ liệu (tỉnh là khoá phân vùng)\n${sections.join('\n\n')}`;
}
