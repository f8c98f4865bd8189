import { offices, units } from '../../server/dist/db/schema.js';
import { insertTasks } from '../../server/dist/repositories/tasks.js';
import { tasksOverview } from '../../server/dist/use-cases/tasks/tasks-overview.js';
import { adminContext } from './bench-context.js';
import { measureAsync, report, type Figure } from './measure.js';
import { openBenchDatabase } from './survey-world.js';

const UNITS = 200;
const TASKS_PER_UNIT = 100;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The province's view of every unit's tasks (issue 10, item 9): 200 units × 100 tasks, four
 * offices each, deadlines over the year, a third done (some late), the rest open (some
 * overdue). The figure is the use-case in process on PGlite — reading every task's timing,
 * the status at the clock, counts and each unit's sentence — against the 200 ms target the
 * issue sets for the API's p99; the HTTP layer adds serialising the answer.
 */
export async function benchTasksOverview(): Promise<string> {
  const bench = await openBenchDatabase(undefined);
  const db = bench.database.db;
  const figures: Figure[] = [];
  try {
    const now = new Date('2026-10-01T02:00:00Z');
    const unitIds = Array.from({ length: UNITS }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
    await db
      .insert(units)
      .values(unitIds.map((id) => ({ id, name: `UBND xã ${id}`, type: 'xa', peerGroup: 'xa' })));
    const officeRows = await db
      .insert(offices)
      .values(
        unitIds.flatMap((unitId) =>
          [
            'Văn phòng HĐND và UBND',
            'Phòng Kinh tế',
            'Phòng Văn hóa - Xã hội',
            'Trung tâm Phục vụ hành chính công',
          ].map((name, position) => ({ unitId, name, position })),
        ),
      )
      .returning();
    const officesOf = new Map<string, string[]>();
    for (const office of officeRows) {
      officesOf.set(office.unitId, [...(officesOf.get(office.unitId) ?? []), office.id]);
    }
    for (const unitId of unitIds) {
      const own = officesOf.get(unitId) ?? [];
      await insertTasks(
        db,
        Array.from({ length: TASKS_PER_UNIT }, (_, i) => {
          const deadline = new Date(Date.UTC(2026, 0, 10) + ((i * 3) % 360) * DAY);
          const done = i % 3 === 0;
          const late = i % 9 === 0;
          return {
            unitId,
            title: `Nhiệm vụ ${i + 1}`,
            deadline: deadline.toISOString().slice(0, 10),
            leadOfficeId: own[i % own.length] ?? null,
            startedAt: new Date(deadline.getTime() - 20 * DAY),
            completedAt: done ? new Date(deadline.getTime() + (late ? 5 : -2) * DAY) : null,
            origin: 'manual',
            createdAt: new Date(deadline.getTime() - 30 * DAY),
          };
        }),
      );
    }
    const ctx = adminContext(db, now, 'chiso-bench-tasks');
    figures.push(
      await measureAsync(
        `Tổng hợp nhiệm vụ của ${UNITS} đơn vị × ${TASKS_PER_UNIT} nhiệm vụ cho tỉnh (use-case trong tiến trình, PGlite: đọc, tính trạng thái theo giờ Việt Nam, đếm, câu tổng hợp từng đơn vị)`,
        20,
        async () => {
          const overview = await tasksOverview(ctx);
          if (overview.units.length !== UNITS) throw new Error('wrong unit count');
        },
        { target: { milliseconds: 200 } },
      ),
    );
  } finally {
    await bench.drop();
  }
  return ['Nhiệm vụ được giao:', report(figures)].join('\n');
}
