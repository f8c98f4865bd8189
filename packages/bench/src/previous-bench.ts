import { buildFramework, Decimal, type FrameworkNodeInput } from '@chiso/core';
import { periods, publishedResults } from '../../server/dist/db/schema.js';
import { insertFramework, loadFramework } from '../../server/dist/repositories/frameworks.js';
import { previousPointsOf } from '../../server/dist/use-cases/assessment/previous-points.js';
import { measureAsync, report, type Figure } from './measure.js';
import { openBenchDatabase } from './survey-world.js';

const UNITS = 1000;
const AREAS = 12;
const LEAVES = 10;

/** Twelve areas of ten leaves worth one point each. */
function nodes(): FrameworkNodeInput[] {
  return Array.from({ length: AREAS }, (_a, a) => [
    { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxPoints: Decimal.fromInt(LEAVES) },
    ...Array.from({ length: LEAVES }, (_l, l) => ({
      code: `${a + 1}.${l + 1}`,
      title: `Tiêu chí ${a + 1}.${l + 1}`,
      maxPoints: Decimal.ONE,
    })),
  ]).flat();
}

/**
 * "Last year's points" of one unit, as the assessment page asks for them on every load: the
 * unit picked out of a published period of a thousand communes × 120 leaves (the stored JSON
 * is about 18 MB), then read through the code map. PGlite, and PostgreSQL when a URL is given.
 */
export async function benchPreviousPoints(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const sections: string[] = [];
  for (const target of url === undefined ? [undefined] : [url, undefined]) {
    const bench = await openBenchDatabase(target);
    const db = bench.database.db;
    const figures: Figure[] = [];
    try {
      const input = { name: 'Bộ chỉ số xã', nodes: nodes() };
      const framework = buildFramework(input);
      const row = await insertFramework(db, { ...input, year: 2026, unitType: 'xa' });
      const stored = await loadFramework(db, row.id);
      if (!stored) throw new Error('framework not stored');
      const [period] = await db
        .insert(periods)
        .values({ name: 'Chỉ số CCHC năm 2025', year: 2025, status: 'published' })
        .returning();
      const published = framework.nodes.map((n) => ({
        code: n.code,
        points: n.children.length === 0 ? 0.75 : 7.5,
        maxPoints: n.maxPoints.toNumber(),
        applicable: true,
        status: n.children.length === 0 ? 'scored' : 'total',
        explanation: 'Hoàn thành ngày 20/01/2025, đúng hạn 31/01/2025 → 0,75/1',
      }));
      await db.insert(publishedResults).values({
        periodId: period?.id ?? '',
        unitType: 'xa',
        framework: {
          id: 'khac',
          nodes: framework.nodes.map((n) => ({ code: n.code, isLeaf: n.children.length === 0 })),
        },
        results: {
          framework: { name: 'Bộ chỉ số xã', maxPoints: 120 },
          units: Array.from({ length: UNITS }, (_u, i) => ({
            id: `X${i}`,
            name: `Xã ${i}`,
            nodes: published,
          })),
        },
        publishedAt: new Date(),
      });
      let run = 0;
      figures.push(
        await measureAsync(
          `[${bench.kind}] Điểm năm trước của một đơn vị theo từng tiêu chí (${UNITS} xã × ${AREAS * LEAVES} tiêu chí đã công bố)`,
          20,
          async () => {
            const previous = await previousPointsOf(db, {
              year: 2026,
              unitId: `X${(run += 37) % UNITS}`,
              stored,
            });
            if (previous?.leaves.size !== AREAS * LEAVES) throw new Error('wrong leaf count');
          },
          { target: { milliseconds: 100 } },
        ),
      );
    } finally {
      await bench.drop();
    }
    sections.push(report(figures));
  }
  return ['Điểm năm trước (trang chấm điểm):', ...sections].join('\n');
}
