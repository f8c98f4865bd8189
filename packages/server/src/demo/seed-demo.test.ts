import { parseVietnamTime } from '@chiso/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../test-support/test-app.js';
import { DISTRICTS, NEW_COMMUNES, OLD_COMMUNES } from './catalogue.js';
import { seedDemo } from './seed-demo.js';

interface Period {
  id: string;
  name: string;
}
interface PeriodResults {
  period: { id: string };
  publication: { publishedAt: string } | null;
  groups: {
    unitType: string;
    results: {
      units: { id: string; percent: number; nodes: { code: string; points: number | null }[] }[];
    };
  }[];
}

describe('npm run demo: tỉnh Hòa An', () => {
  let t: TestApp;
  const password = 'mat-khau-demo-1234';

  beforeAll(async () => {
    t = await startTestApp('pglite');
    t.setTime('22/11/2026 10:00');
    await seedDemo(t.deps, new Date(parseVietnamTime('22/11/2026 10:00') ?? 0), password);
  }, 240_000);
  afterAll(async () => t.close());
  const results = async (periodId: string | undefined) =>
    (await t.request('GET', `/api/periods/${periodId ?? ''}/results`)).body as PeriodResults;

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
      ['Chỉ số CCHC năm 2024 của UBND phường — thị xã Bắc Lâm', 'published'],
      ['Chỉ số CCHC năm 2024 của UBND xã, thị trấn — huyện Nam Giang', 'published'],
      ['Chỉ số CCHC năm 2024 của UBND xã, thị trấn — huyện Tây Hòa', 'published'],
      ['Chỉ số CCHC năm 2024 của UBND xã, thị trấn — huyện Đông Sơn', 'published'],
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
        period.name === 'Chỉ số CCHC năm 2024'
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
    // Seed 004's tree with seed 000's 8.3 in place of its 8.3 and 8.6 (decision 0030).
    expect(districts?.framework.nodes).toHaveLength(52);
    expect(districts?.framework.maxPoints).toBe('100');
    expect(districts?.results.units).toHaveLength(4);
  });

  it('feeds each district’s 8.3 from its own communes’ period, published before the appraisal', async () => {
    const admin = await t.login('quantri', password);
    const periods = (await t.request('GET', '/api/periods', { as: admin })).body as Period[];
    const province = await results(periods.find((p) => p.name === 'Chỉ số CCHC năm 2024')?.id);
    const districts = province.groups.find((g) => g.unitType === 'huyen')?.results.units ?? [];
    expect(districts).toHaveLength(DISTRICTS.length);
    for (const [id, name] of DISTRICTS) {
      const own = periods.filter((p) => p.name.endsWith(name.replace(/^UBND /, '— ')));
      expect(own, name).toHaveLength(1);
      const lower = await results(own[0]?.id);
      expect(Date.parse(lower.publication?.publishedAt ?? '')).toBeLessThan(
        parseVietnamTime('11/01/2025 00:00') ?? 0,
      );
      const communes = lower.groups.flatMap((g) => g.results.units);
      expect(communes.map((c) => c.id).sort()).toEqual(
        OLD_COMMUNES.filter((c) => c[3] === id)
          .map((c) => c[0])
          .sort(),
      );
      // 1,5 × the mean of the communes' published indices, as the rule computes it.
      const mean = communes.reduce((n, c) => n + c.percent, 0) / communes.length;
      const expected = (1.5 * mean) / 100;
      const leaf = districts.find((u) => u.id === id)?.nodes.find((n) => n.code === '8.3');
      expect(leaf?.points, name).toBeCloseTo(expected, 3);
      expect(leaf?.points, name).toBeGreaterThan(0);
      const officer = await t.login(`cb.${id.toLowerCase()}`, password);
      const assessment = (
        await t.request('GET', `/api/periods/${province.period.id}/units/${id}/assessment`, {
          as: officer,
        })
      ).body as { entries: { code: string; lowerUnitsFeed?: { units: { id: string }[] } }[] };
      const feed = assessment.entries.find((e) => e.code === '8.3')?.lowerUnitsFeed;
      expect(feed?.units.map((u) => u.id).sort()).toEqual(communes.map((c) => c.id).sort());
    }
  });

  it('imports the one-stop statistics for the province’s, a district’s and the current period', async () => {
    const admin = await t.login('quantri', password);
    const periods = (await t.request('GET', '/api/periods', { as: admin })).body as Period[];
    const figures = async (name: string, as: Session) => {
      const id = periods.find((p) => p.name === name)?.id ?? '';
      const r = await t.request('GET', `/api/periods/${id}/statistics`, { as });
      expect(r.status, name).toBe(200);
      return (r.body as { units: { unitId: string; figures: Record<string, number> }[] }).units;
    };
    const y2024 = await figures('Chỉ số CCHC năm 2024', admin);
    expect(y2024.find((u) => u.unitId === 'H-DS')?.figures).toMatchObject({
      resolved: 596,
      resolvedOnTime: 574,
    });
    const dongSon = await figures(
      'Chỉ số CCHC năm 2024 của UBND xã, thị trấn — huyện Đông Sơn',
      await t.login('noivu.h-ds', password),
    );
    const sum = (key: string) => dongSon.reduce((n, u) => n + (u.figures[key] ?? 0), 0);
    expect([sum('resolvedOnTime'), sum('resolved')]).toEqual([22855, 23067]);
    expect(await figures('Chỉ số CCHC năm 2026', admin)).toHaveLength(6 + NEW_COMMUNES.length);
  });

  it('keeps each district’s Phòng Nội vụ inside its own district', async () => {
    const admin = await t.login('quantri', password);
    const all = (await t.request('GET', '/api/periods', { as: admin })).body as Period[];
    const dongSon = await t.login('noivu.h-ds', password);
    const own = (await t.request('GET', '/api/periods', { as: dongSon })).body as Period[];
    expect(own.map((p) => p.name)).toEqual([
      'Chỉ số CCHC năm 2024 của UBND xã, thị trấn — huyện Đông Sơn',
    ]);
    const sibling = all.find((p) => p.name.endsWith('huyện Tây Hòa'))?.id ?? '';
    for (const username of ['noivu.h-ds', 'thamdinh.h-ds', 'hoidong.h-ds']) {
      const as = await t.login(username, password);
      expect((await t.request('GET', `/api/periods/${sibling}`, { as })).status, username).toBe(
        403,
      );
    }
    const users = (await t.request('GET', '/api/users', { as: dongSon })).body as {
      unitId: string | null;
    }[];
    const inside = new Set([
      'H-DS',
      ...OLD_COMMUNES.filter((c) => c[3] === 'H-DS').map((c) => c[0]),
    ]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.unitId !== null && inside.has(u.unitId))).toBe(true);
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
