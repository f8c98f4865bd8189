import { parseVietnamTime } from '@chiso/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemo } from './seed-demo.js';

describe('npm run demo: tỉnh Hòa An', () => {
  let t: TestApp;
  const password = 'mat-khau-demo-1234';

  beforeAll(async () => {
    t = await startTestApp('pglite');
    t.setTime('22/11/2026 10:00');
    await seedDemo(t.deps, new Date(parseVietnamTime('22/11/2026 10:00') ?? 0), password);
  }, 120_000);
  afterAll(async () => t.close());

  it('publishes 2024 and 2025 and leaves the current period in its appraisal window', async () => {
    const viewer = await t.login('xem', password);
    const periods = (await t.request('GET', '/api/periods', { as: viewer })).body as {
      name: string;
      status: string;
    }[];
    expect(periods.map((p) => [p.name, p.status])).toEqual([
      ['Chỉ số CCHC năm 2026', 'open'],
      ['Chỉ số CCHC năm 2025', 'published'],
      ['Chỉ số CCHC năm 2024', 'published'],
    ]);
    const admin = await t.login('quantri', password);
    const current = (await t.request('GET', `/api/periods`, { as: admin })).body as {
      id: string;
    }[];
    const period = (await t.request('GET', `/api/periods/${current[0]?.id ?? ''}`, { as: admin }))
      .body as {
      windows: { kind: string; open: boolean }[];
      units: { unitId: string; status: string; extensions: unknown[] }[];
    };
    expect(period.windows.filter((w) => w.open).map((w) => w.kind)).toEqual(['appraisal']);
    const statuses = new Set(period.units.map((u) => u.status));
    expect(statuses).toEqual(new Set(['draft', 'submitted', 'appraised']));
    expect(period.units.find((u) => u.status === 'draft')?.extensions).toHaveLength(1);
  });

  it('publishes every accepted leaf as the unit assessed it, and 2024 with an erratum', async () => {
    const periods = (await t.request('GET', '/api/periods', { as: await t.login('xem', password) }))
      .body as { id: string; name: string; status: string }[];
    let accepted = 0;
    for (const period of periods.filter((p) => p.status === 'published')) {
      const view = (await t.request('GET', `/api/periods/${period.id}/results`)).body as {
        publications: { version: number; superseded: boolean }[];
        groups: {
          details: Record<string, { appraisal: { kind: string } | null; differs: boolean }[]>;
        }[];
      };
      for (const story of view.groups.flatMap((g) => Object.values(g.details).flat())) {
        if (story.appraisal?.kind !== 'accepted') continue;
        accepted++;
        expect(story.differs).toBe(false);
      }
      expect(view.publications.map((p) => [p.version, p.superseded])).toEqual(
        period.name.endsWith('2024')
          ? [
              [2, false],
              [1, true],
            ]
          : [[1, false]],
      );
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('compares merged communes with their predecessors, and districts use the seed 004 tree', async () => {
    const periods = (await t.request('GET', '/api/periods', { as: await t.login('xem', password) }))
      .body as { id: string; name: string }[];
    const published = (name: string) => periods.find((p) => p.name === name)?.id ?? '';
    const y2025 = (
      await t.request('GET', `/api/periods/${published('Chỉ số CCHC năm 2025')}/results`)
    ).body as {
      groups: {
        unitType: string;
        results: { units: { id: string; previousId: string | null; rankChange: number | null }[] };
      }[];
    };
    const communes = y2025.groups.find((g) => g.unitType === 'xa')?.results.units ?? [];
    expect(communes.find((u) => u.id === 'XA-AN-LAM')).toMatchObject({ previousId: 'X-AL' });
    expect(communes.every((u) => u.rankChange !== null)).toBe(true);
    const y2024 = (
      await t.request('GET', `/api/periods/${published('Chỉ số CCHC năm 2024')}/results`)
    ).body as {
      groups: {
        unitType: string;
        framework: { nodes: { code: string }[]; maxPoints: string };
        results: { units: unknown[] };
      }[];
    };
    const districts = y2024.groups.find((g) => g.unitType === 'huyen');
    expect(districts?.framework.nodes).toHaveLength(53);
    expect(districts?.framework.maxPoints).toBe('100');
    expect(districts?.results.units).toHaveLength(4);
  });

  it('counts the departments’ questionnaires into their survey leaves', async () => {
    const admin = await t.login('quantri', password);
    const periods = (await t.request('GET', '/api/periods', { as: admin })).body as {
      id: string;
    }[];
    const current = periods[0]?.id ?? '';
    const r = await t.request('GET', `/api/periods/${current}/surveys/results`, { as: admin });
    expect(r.status).toBe(200);
    const body = r.body as {
      computedAt: string | null;
      rates: { responses: number }[];
      leaves: { unitId: string; code: string; points: string | null }[];
      sipas: { overall: string | null }[];
    };
    expect(body.computedAt).not.toBeNull();
    expect(body.rates).toHaveLength(4 * 6);
    expect(body.rates.reduce((n, rate) => n + rate.responses, 0)).toBe(6 * (12 + 5 + 16 + 35));
    expect(body.leaves).toHaveLength(6 * 2);
    expect(body.leaves.every((leaf) => leaf.points !== null)).toBe(true);
    expect(body.sipas.every((row) => row.overall !== null)).toBe(true);
    const officer = await t.login('cb.snv', password);
    const assessment = (
      await t.request('GET', `/api/periods/${current}/units/SNV/assessment`, { as: officer })
    ).body as { entries: { code: string; surveyFed: boolean }[] };
    expect(assessment.entries.filter((e) => e.surveyFed).map((e) => e.code)).toEqual([
      '8.1',
      '8.2',
    ]);
  });

  it('gives every role an account', async () => {
    for (const username of [
      'quantri',
      'cb.snv',
      'tt.snv',
      'thamdinh1',
      'hoidong1',
      'nhapphieu',
      'xem',
    ]) {
      await expect(t.login(username, password)).resolves.toMatchObject({ username });
    }
  });

  it('gives the current year its offices, tasks, a nine-month snapshot and the reminders due', async () => {
    const officer = await t.login('cb.snv', password);
    const offices = (await t.request('GET', '/api/units/SNV/offices', { as: officer })).body as {
      offices: { name: string }[];
    };
    expect(offices.offices.map((o) => o.name)).toContain('Văn phòng Sở');
    const tasks = (await t.request('GET', '/api/units/SNV/tasks', { as: officer })).body as {
      tasks: { status: string }[];
    };
    const statuses = new Set(tasks.tasks.map((task) => task.status));
    for (const status of ['doneOnTime', 'doneLate', 'overdue', 'inProgress']) {
      expect(statuses).toContain(status);
    }
    const snapshots = (await t.request('GET', '/api/units/SNV/monitoring', { as: officer }))
      .body as { snapshots: { title: string; asOf: string }[] };
    expect(snapshots.snapshots).toMatchObject([{ title: '9 tháng đầu năm', asOf: '2026-09-30' }]);
    const notifications = (await t.request('GET', '/api/notifications', { as: officer })).body as {
      items: { title: string }[];
    };
    expect(notifications.items.map((n) => n.title)).toContain(
      'Nhiệm vụ quá hạn: Rà soát văn bản quy phạm pháp luật của ngành',
    );
    const staff = await t.login('cb.snv.vp', password);
    const own = (await t.request('GET', '/api/units/SNV/tasks', { as: staff })).body as {
      tasks: { leadOffice: { name: string } | null }[];
    };
    expect(own.tasks.length).toBeGreaterThan(0);
    expect(own.tasks.every((task) => task.leadOffice?.name === 'Văn phòng Sở')).toBe(true);
  });

  it('closes the loop: a finished task’s file offered to 2026, the 2025 plan against 2024’s targets', async () => {
    const officer = await t.login('cb.snv', password);
    const periods = (await t.request('GET', '/api/periods', { as: officer })).body as {
      id: string;
      name: string;
    }[];
    const id = (name: string) => periods.find((p) => p.name === name)?.id ?? '';
    const assessment = (
      await t.request('GET', `/api/periods/${id('Chỉ số CCHC năm 2026')}/units/SNV/assessment`, {
        as: officer,
      })
    ).body as { entries: { code: string; taskEvidence: { evidence: { fileName: string } }[] }[] };
    expect(
      assessment.entries
        .find((e) => e.code === '1.1.1')
        ?.taskEvidence.map((o) => o.evidence.fileName),
    ).toEqual(['ke-hoach-cchc-nam.pdf']);
    const plan = (
      await t.request('GET', `/api/units/SNV/plans/${id('Chỉ số CCHC năm 2025')}`, { as: officer })
    ).body as { lastTargets: { approval: number | null; compared: number; summary: string } };
    expect(plan.lastTargets).toMatchObject({ approval: 1, compared: 5 });
    expect(plan.lastTargets.summary).toMatch(/^Đạt \d\/5 mục tiêu năm trước$/);
  });
});
