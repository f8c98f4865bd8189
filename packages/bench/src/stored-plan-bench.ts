import {
  buildPlan,
  computeResults,
  DEFAULT_POLICY,
  presentResults,
  type ResultsJson,
} from '@chiso/core';
import { periods, publications, publishedResults } from '../../server/dist/db/schema.js';
import { insertFramework } from '../../server/dist/repositories/frameworks.js';
import { generatePlans } from '../../server/dist/use-cases/plans/generate-plans.js';
import { getPlan } from '../../server/dist/use-cases/plans/get-plan.js';
import { planUnitOf, publishedSource } from '../../server/dist/use-cases/plans/published-source.js';
import { adminContext } from './bench-context.js';
import { measure, measureAsync, report, type Figure } from './measure.js';
import { benchFrameworkInput, benchFramework, benchUnits } from './results-world.js';
import { openBenchDatabase } from './survey-world.js';
import { unitRows } from '../../server/dist/repositories/unit-rows.js';

const UNITS = 4000;

/**
 * Improvement plans of a published period on the server: 4,000 units' results published as
 * the server stores them, then (1) the core part, every unit's plan built from the stored JSON
 * (the what-if against its peer group) — target under 2 s — and (2) the administrator's
 * "lập dự thảo cho mọi đơn vị" end to end through the use-case: read the publication, build,
 * store 4,000 plans × their rows and audit each, in one transaction. PGlite.
 */
export async function benchStoredPlans(): Promise<string> {
  const bench = await openBenchDatabase(undefined);
  const db = bench.database.db;
  const figures: Figure[] = [];
  try {
    const input = benchFrameworkInput();
    const framework = benchFramework();
    const row = await insertFramework(db, { ...input, year: 2025, unitType: 'xa' });
    const world = benchUnits(framework, UNITS);
    const results = computeResults({ framework, policy: DEFAULT_POLICY, ...world });
    const json: ResultsJson = presentResults(framework, results);
    await db
      .insert(unitRows)
      .values(
        json.units.map((u) => ({ id: u.id, name: u.name, type: 'xa', peerGroup: u.group ?? 'xa' })),
      )
      .onConflictDoNothing();
    const [period] = await db
      .insert(periods)
      .values({ name: 'Chỉ số CCHC năm 2025', year: 2025, status: 'published' })
      .returning();
    const periodId = period!.id;
    const now = new Date('2026-03-02T02:00:00Z');
    await db.insert(publications).values({ periodId, version: 1, publishedAt: now });
    await db.insert(publishedResults).values({
      periodId,
      version: 1,
      unitType: 'xa',
      framework: {
        id: row.id,
        nodes: framework.nodes.map((n) => ({ code: n.code, isLeaf: n.children.length === 0 })),
      },
      results: json,
      publishedAt: now,
    });
    let source = await publishedSource(db, periodId, 'xa');
    figures.push(
      await measureAsync(
        `Đọc kết quả đã công bố của ${UNITS.toLocaleString('vi-VN')} đơn vị (JSON lưu trong cơ sở dữ liệu) và nhóm so sánh`,
        3,
        async () => {
          source = await publishedSource(db, periodId, 'xa');
        },
      ),
    );
    const rows = framework.nodes.length;
    figures.push(
      measure(
        `Kế hoạch của ${UNITS.toLocaleString('vi-VN')} đơn vị × ${rows} dòng từ kết quả đã công bố lưu trong cơ sở dữ liệu (phần lõi: điểm bị mất, mục tiêu, điểm và hạng nếu đạt)`,
        5,
        () => {
          let count = 0;
          for (const unit of source.units) {
            const plan = buildPlan({
              framework: source.stored.framework,
              unit: planUnitOf(unit),
              peers: source.peers.get(unit.group ?? '')!,
            });
            count += plan.rows.length;
          }
          if (count !== UNITS * rows) throw new Error('wrong row count');
        },
        { target: { milliseconds: 2000 } },
      ),
    );
    const ctx = adminContext(db, now, 'chiso-bench-plans');
    figures.push(
      await measureAsync(
        `Lập và lưu dự thảo kế hoạch cho ${UNITS.toLocaleString('vi-VN')} đơn vị qua use-case (đọc kết quả công bố, lõi, ghi kế hoạch và nhật ký, một giao dịch; PGlite)`,
        1,
        async () => {
          const made = await generatePlans(ctx, periodId);
          if (made.created !== UNITS) throw new Error(`made ${made.created} plans`);
        },
      ),
    );
    let run = 0;
    figures.push(
      await measureAsync(
        `Mở kế hoạch của một đơn vị (trang kế hoạch: kết quả của đơn vị và nhóm so sánh lấy từ bản công bố ${UNITS.toLocaleString('vi-VN')} đơn vị, lõi, điểm năm trước)`,
        10,
        async () => {
          const unitId = json.units[(run += 397) % UNITS]!.id;
          const plan = await getPlan(ctx, { unitId, periodId });
          if (plan.rows.length !== rows) throw new Error('wrong row count');
        },
        { target: { milliseconds: 200 } },
      ),
    );
  } finally {
    await bench.drop();
  }
  return ['Kế hoạch cải thiện lưu trên máy chủ:', report(figures)].join('\n');
}
