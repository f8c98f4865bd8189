import {
  countTasks,
  lateByOffice,
  TASK_STATUSES,
  lateSentence,
  overdueFrom,
  taskStatus,
  vietnamDate,
  type TaskStatus,
  type TaskTiming,
} from '@chiso/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offices } from './db/schema.js';
import { insertTasks, listTaskTallies } from './repositories/tasks.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { tasksOverview } from './use-cases/tasks/tasks-overview.js';
import { unitRows } from './repositories/unit-rows.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Deadlines where a calendar mistake would show: mid-year, 29 February, the year's last day. */
const DEADLINES = ['2023-06-20', '2024-02-29', '2024-12-31'];

/**
 * Instants at and around a deadline's boundaries: its first and last millisecond in Vietnam
 * time, the first instant it is late, and the UTC midnights a UTC calendar would mistake for
 * Vietnam's (07:00 on the day after, 17:00 UTC the day before).
 */
function instantsAround(deadline: string): number[] {
  const late = overdueFrom(deadline);
  return [
    late - DAY - 1,
    late - DAY,
    late - 7 * HOUR,
    late - 1,
    late,
    late + 1,
    late + 7 * HOUR,
    late + DAY,
  ];
}

/** A small deterministic generator (LCG) so that the random cases are the same every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Case extends TaskTiming {
  unitId: string;
}

/** Every combination of started / completed at the boundary instants, and random ones near them. */
function cases(): { tasks: Case[]; instants: number[] } {
  const tasks: Case[] = [];
  const instants = new Set<number>();
  for (const deadline of DEADLINES) {
    const around = instantsAround(deadline);
    for (const at of around) instants.add(at);
    for (const startedAt of [null, ...around]) {
      for (const completedAt of [null, ...around]) {
        tasks.push({ unitId: `T${tasks.length}`, deadline, startedAt, completedAt });
      }
    }
  }
  const next = random(20230620);
  for (let i = 0; i < 150; i++) {
    const deadline = `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    // Within two days either side of the boundary, to the millisecond.
    const near = () => overdueFrom(deadline) + Math.round((next() - 0.5) * 4 * DAY);
    const startedAt = next() < 0.2 ? null : near();
    const completedAt = next() < 0.3 ? null : near();
    tasks.push({ unitId: `T${tasks.length}`, deadline, startedAt, completedAt });
    instants.add(near());
  }
  return { tasks, instants: [...instants].sort((a, b) => a - b) };
}

/** Each one-task unit's status as the overview's query counts it. */
async function statusesInSql(t: TestApp, at: number): Promise<Map<string, TaskStatus>> {
  const statuses = new Map<string, TaskStatus>();
  for (const row of await listTaskTallies(t.deps.db, new Date(at), vietnamDate(at))) {
    const counted = TASK_STATUSES.filter((status) => (row[status] ?? 0) > 0);
    expect(counted.map((status) => row[status])).toEqual([1]);
    const [status] = counted;
    if (status) statuses.set(row.unitId, status);
  }
  return statuses;
}

describe.each(DATABASE_KINDS)("the overview's status in SQL (%s)", (kind) => {
  let t: TestApp;
  const { tasks, instants } = cases();

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.deps;
    // One unit per task: the grouped counts then give each task's status on its own.
    await db
      .insert(unitRows)
      .values(tasks.map((c) => ({ id: c.unitId, name: c.unitId, type: 'xa', peerGroup: 'xa' })));
    await insertTasks(
      db,
      tasks.map((c, i) => ({
        unitId: c.unitId,
        title: `Nhiệm vụ ${i + 1}`,
        deadline: c.deadline,
        startedAt: c.startedAt === null ? null : new Date(c.startedAt),
        completedAt: c.completedAt === null ? null : new Date(c.completedAt),
        origin: 'manual',
      })),
    );
  }, 120_000);
  afterAll(async () => t.close());

  it("equals the core's taskStatus for every task at every instant around the boundaries", async () => {
    expect(tasks.length).toBeGreaterThan(300);
    let compared = 0;
    for (const at of instants) {
      const sql = await statusesInSql(t, at);
      for (const c of tasks) {
        const expected = taskStatus(c, at);
        const got = sql.get(c.unitId);
        if (got !== expected) {
          throw new Error(
            `${JSON.stringify({ ...c, at: new Date(at).toISOString() })}: SQL ${String(got)}, core ${expected}`,
          );
        }
        compared++;
      }
    }
    expect(compared).toBe(tasks.length * instants.length);
  });

  it('sees each status at least once, so the comparison covers every branch', async () => {
    const seen = new Set<TaskStatus>();
    for (const at of instants) {
      for (const status of (await statusesInSql(t, at)).values()) seen.add(status);
    }
    expect([...seen].sort()).toEqual(
      ['doneLate', 'doneOnTime', 'inProgress', 'notStarted', 'overdue'].sort(),
    );
  });
});

describe.each(DATABASE_KINDS)("the province's task overview (%s)", (kind) => {
  let t: TestApp;
  const admin = {
    userId: '00000000-0000-4000-8000-000000000001',
    role: 'administrator' as const,
    unitId: undefined,
    username: 'admin',
    fullName: 'Quản trị',
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
  }, 120_000);
  afterAll(async () => t.close());

  it('gives the same answer as reading every task and computing its status in JavaScript', async () => {
    const { db } = t.deps;
    const unitIds = ['X01', 'X02', 'X03', 'P01'];
    await db.insert(unitRows).values(
      unitIds.map((id) => ({
        id,
        name: `UBND ${id}`,
        type: id.startsWith('P') ? 'phuong' : 'xa',
        peerGroup: 'xa',
      })),
    );
    // Offices out of alphabetical order, one inactive: the sentence follows the unit's order.
    const officeRows = await db
      .insert(offices)
      .values(
        unitIds.flatMap((unitId) =>
          ['Văn phòng', 'Phòng Kinh tế', 'Công an xã'].map((name, i) => ({
            unitId,
            name,
            position: 2 - i,
            active: !(unitId === 'X02' && i === 1),
          })),
        ),
      )
      .returning();
    const next = random(42);
    const now = new Date('2025-10-01T03:00:00Z').getTime();
    const rows = unitIds
      .filter((id) => id !== 'P01')
      .flatMap((unitId) => {
        const own = officeRows.filter((o) => o.unitId === unitId);
        return Array.from({ length: 60 }, (_, i) => {
          const deadline = vietnamDate(now + Math.round((next() - 0.6) * 90 * DAY));
          const near = () => overdueFrom(deadline) + Math.round((next() - 0.5) * 6 * DAY);
          const lead = next() < 0.15 ? null : (own[Math.floor(next() * own.length)]?.id ?? null);
          return {
            unitId,
            title: `Nhiệm vụ ${i + 1}`,
            deadline,
            leadOfficeId: lead,
            startedAt: next() < 0.3 ? null : new Date(near()),
            completedAt: next() < 0.5 ? null : new Date(near()),
            origin: 'manual',
          };
        });
      });
    // A task led by another unit's office (the database allows it): named after the unit's own.
    rows.push({
      unitId: 'X03',
      title: 'Nhiệm vụ phối hợp',
      deadline: '2025-09-01',
      leadOfficeId: officeRows.find((o) => o.unitId === 'X01')?.id ?? null,
      startedAt: null,
      completedAt: null,
      origin: 'manual',
    });
    await insertTasks(db, rows);
    t.setTime('01/10/2025 10:00');

    const overview = await tasksOverview(t.context(admin));

    // What the overview computed before it counted in SQL, task by task.
    const order = [...officeRows].sort((a, b) => a.position - b.position);
    const name = new Map(officeRows.map((o) => [o.id, o.name]));
    const statusOf = (row: (typeof rows)[number]) =>
      taskStatus(
        {
          deadline: row.deadline,
          startedAt: row.startedAt?.getTime() ?? null,
          completedAt: row.completedAt?.getTime() ?? null,
        },
        now,
      );
    const expected = {
      units: [...unitIds]
        .sort((a, b) => (a.startsWith('P') ? 0 : 1) - (b.startsWith('P') ? 0 : 1))
        .map((unitId) => {
          const own = rows
            .filter((r) => r.unitId === unitId)
            .map((r) => ({
              leadOffice:
                r.leadOfficeId === null
                  ? null
                  : { id: r.leadOfficeId, name: name.get(r.leadOfficeId) ?? '' },
              status: statusOf(r),
            }));
          return {
            unitId,
            unitName: `UBND ${unitId}`,
            unitType: unitId.startsWith('P') ? 'phuong' : 'xa',
            counts: countTasks(own.map((o) => o.status)),
            lateSentence: lateSentence(
              lateByOffice(
                own,
                order.filter((o) => o.unitId === unitId),
              ),
            ),
          };
        }),
      counts: countTasks(rows.map(statusOf)),
    };
    expect(overview).toEqual(expected);
    // The picture is varied enough to mean something: late tasks with and without a lead office.
    expect(overview.counts.total).toBe(181);
    expect(overview.counts.late).toBeGreaterThan(10);
    expect(overview.units.find((u) => u.unitId === 'P01')?.lateSentence).toBe(
      'Không có nội dung công việc quá hạn',
    );
    expect(
      overview.units.some((u) => u.lateSentence.includes('Chưa giao phòng, ban chủ trì')),
    ).toBe(true);
  });
});
