import { parseVietnamTime } from '@chiso/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { unitRows } from './repositories/unit-rows.js';

interface Entry {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorUsername: string | null;
  actionLabel: string;
  unitId: string | null;
  unitName: string | null;
  periodId: string | null;
  periodName: string | null;
  ip: string | null;
  summary: string;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}
interface Seeded {
  id: number;
  at: number;
  action: string;
  actorId: string;
  unitId: string | null;
  periodId: string | null;
}

const ACTIONS = ['entry.self.save', 'unit.update', 'window.extend', 'user.update', 'period.create'];
const UNITS = ['X11', 'X21', 'SNV', 'H1', null];
const BASE = parseVietnamTime('2027-01-20 00:00') ?? 0;
const HOUR = 3_600_000;
const newestFirst = (a: Seeded, b: Seeded) => b.at - a.at || b.id - a.id;

describe.each(DATABASE_KINDS)('the audit trail, paged and filtered (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let district: Session;
  let officer: Session;
  const ids: Record<string, string> = {};
  const period: Record<'province' | 'H1' | 'H2', string> = { province: '', H1: '', H2: '' };
  let seeded: Seeded[] = [];

  /** Every page of a query, following nextCursor; fails on a page that is not 200. */
  async function allPages(as: Session, query: string, limit: number): Promise<Entry[]> {
    const rows: Entry[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const url = `/api/audit?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await t.request('GET', url, { as });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const page = r.body as Page;
      expect(page.entries.length).toBeLessThanOrEqual(limit);
      rows.push(...page.entries);
      cursor = page.nextCursor;
      if (cursor === null) return rows;
    }
    throw new Error('the pages never ended');
  }
  const seededIds = (rows: Entry[]) => {
    const mine = new Set(seeded.map((s) => s.id));
    return rows.filter((r) => mine.has(r.id)).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.deps;
    await db.insert(unitRows).values([
      { id: 'H1', name: 'UBND huyện Một', type: 'huyen', peerGroup: 'huyen' },
      { id: 'X11', name: 'UBND xã Một Một', type: 'xa', peerGroup: 'xa', parentId: 'H1' },
      { id: 'H2', name: 'UBND huyện Hai', type: 'huyen', peerGroup: 'huyen' },
      { id: 'X21', name: 'UBND xã Hai Một', type: 'xa', peerGroup: 'xa', parentId: 'H2' },
      { id: 'SNV', name: 'Sở Nội vụ', type: 'so', peerGroup: 'so' },
    ]);
    const made = await db
      .insert(periods)
      .values([
        { name: 'Kỳ của tỉnh 2026', year: 2026 },
        { name: 'Kỳ của huyện Một 2026', year: 2026, ownerUnitId: 'H1' },
        { name: 'Kỳ của huyện Hai 2026', year: 2026, ownerUnitId: 'H2' },
      ])
      .returning({ id: periods.id });
    const [province, h1, h2] = made.map((p) => p.id);
    Object.assign(period, { province, H1: h1, H2: h2 });
    ids.admin = await t.createAccount('admin', 'administrator');
    ids['qt.h1'] = await t.createAccount('qt.h1', 'administrator', 'H1');
    ids['cb.x11'] = await t.createAccount('cb.x11', 'unitOfficer', 'X11');
    ids['cb.snv'] = await t.createAccount('cb.snv', 'unitOfficer', 'SNV');
    const actors = [ids.admin, ids['qt.h1'], ids['cb.x11'], ids['cb.snv']] as string[];
    const periodCycle = [period.H1, period.H2, period.province, null, null, null, null];
    // 500 rows whose instants are not in id order, several sharing an instant (the id decides).
    const values = Array.from({ length: 500 }, (_, i) => ({
      at: new Date(BASE + ((i * 7919) % 167) * 3 * HOUR),
      actorId: actors[i % actors.length] ?? null,
      actorName: `Người ${i % actors.length}`,
      ip: `10.0.0.${i % 250}`,
      action: ACTIONS[i % ACTIONS.length] ?? 'unit.update',
      entityType: 'unit',
      entityId: UNITS[i % UNITS.length] ?? 'none',
      unitId: UNITS[i % UNITS.length] ?? null,
      periodId: periodCycle[i % periodCycle.length] ?? null,
      before: { status: 'nháp', points: i },
      after: { status: 'đã gửi', points: i + 1 },
    }));
    const rows = await db.insert(auditLog).values(values).returning();
    seeded = rows.map((r) => ({
      id: r.id,
      at: r.at.getTime(),
      action: r.action,
      actorId: r.actorId ?? '',
      unitId: r.unitId,
      periodId: r.periodId,
    }));
    admin = await t.login('admin');
    district = await t.login('qt.h1');
    officer = await t.login('cb.snv');
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages through every row once, newest first by (at, id), whatever the page size', async () => {
    const everything = await allPages(admin, '', 200);
    const expected = [...seeded].sort(newestFirst).map((s) => s.id);
    expect(seededIds(everything)).toEqual(expected);
    expect(new Set(everything.map((r) => r.id)).size).toBe(everything.length);
    const small = await allPages(admin, '', 7);
    expect(small.map((r) => r.id)).toEqual(everything.map((r) => r.id));
  });

  it('combines the filters: actor, unit, period, action and Vietnam-local days', async () => {
    const from = parseVietnamTime('2027-01-25 00:00') ?? 0;
    const before = parseVietnamTime('2027-02-02 00:00') ?? 0;
    const expected = seeded
      .filter(
        (s) =>
          s.action === 'entry.self.save' && s.unitId === 'X11' && s.at >= from && s.at < before,
      )
      .sort(newestFirst);
    expect(expected.length).toBeGreaterThan(3);
    const byDays = await allPages(
      admin,
      '&action=entry.self.save&unitId=X11&from=2027-01-25&to=2027-02-01',
      3,
    );
    expect(byDays.map((r) => r.id)).toEqual(expected.map((s) => s.id));
    expect(byDays[0]).toMatchObject({
      actionLabel: 'Đơn vị lưu kết quả tự đánh giá',
      unitName: 'UBND xã Một Một',
      summary: expect.stringContaining('trạng thái: nháp → đã gửi') as string,
    });
    expect(byDays[0]?.ip).toMatch(/^10\.0\.0\./);
    expect(byDays[0]?.summary).toMatch(/điểm: \d+ → \d+/);

    const actor = ids['cb.x11'] ?? '';
    const narrow = seeded
      .filter((s) => s.actorId === actor && s.periodId === period.H1 && s.action === 'unit.update')
      .sort(newestFirst);
    const rows = await allPages(
      admin,
      `&actor=${actor}&periodId=${period.H1}&action=unit.update`,
      2,
    );
    expect(rows.map((r) => r.id)).toEqual(narrow.map((s) => s.id));
    expect(
      rows.every((r) => r.actorUsername === 'cb.x11' && r.periodName === 'Kỳ của huyện Một 2026'),
    ).toBe(true);

    // An instant is taken as written: `to` excluded.
    const at = seeded[10]?.at ?? 0;
    const exact = await allPages(
      admin,
      `&from=${new Date(at).toISOString()}&to=${new Date(at + 1).toISOString()}`,
      50,
    );
    expect(seededIds(exact)).toEqual(
      seeded
        .filter((s) => s.at === at)
        .sort(newestFirst)
        .map((s) => s.id),
    );
    // Text finds the name and username recorded with the change.
    const named = await allPages(admin, '&actor=ng%C6%B0%E1%BB%9Di%203', 200);
    expect(named.length).toBe(125);
  });

  it("gives a district's administrator its subtree only, and refuses other roles", async () => {
    const reach = new Set(['H1', 'X11']);
    const people = new Set([ids['qt.h1'], ids['cb.x11']]);
    const expected = seeded
      .filter((s) =>
        s.periodId !== null
          ? s.periodId === period.H1
          : (s.unitId !== null && reach.has(s.unitId)) || people.has(s.actorId),
      )
      .sort(newestFirst);
    const rows = await allPages(district, '', 50);
    expect(seededIds(rows)).toEqual(expected.map((s) => s.id));
    expect(rows.some((r) => r.periodId === period.H2 || r.periodId === period.province)).toBe(
      false,
    );
    // Its own sign-in is in its reach; the province's administrator's is not.
    const signIns = rows.filter((r) => r.action === 'auth.signIn').map((r) => r.actorId);
    expect(signIns).toEqual([ids['qt.h1']]);

    for (const query of [`periodId=${period.H2}`, `periodId=${period.province}`, 'unitId=X21']) {
      expect((await t.request('GET', `/api/audit?${query}`, { as: district })).status).toBe(403);
    }
    expect(
      (await t.request('GET', `/api/audit?periodId=${period.H1}`, { as: district })).status,
    ).toBe(200);
    expect((await t.request('GET', '/api/audit', { as: officer })).status).toBe(403);
    expect((await t.request('GET', '/api/audit.xlsx', { as: officer })).status).toBe(403);
  });

  it('exports the filtered trail as a spreadsheet with every row', async () => {
    const r = await t.request('GET', '/api/audit.xlsx?action=window.extend&from=2027-01-20', {
      as: admin,
    });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toMatch(/nhat-ky-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhật ký thay đổi');
    const expected = seeded.filter((s) => s.action === 'window.extend').sort(newestFirst);
    expect(sheet?.rowCount).toBe(expected.length + 1);
    expect(sheet?.getRow(1).getCell(5).text).toBe('Thao tác');
    expect(sheet?.getRow(2).getCell(5).text).toBe('Gia hạn');
    expect(sheet?.getRow(2).getCell(6).text).toBe('window.extend');
    expect(sheet?.getRow(2).getCell(4).text).toMatch(/^10\.0\.0\./);

    const mine = await t.request('GET', '/api/audit.xlsx', { as: district });
    expect(mine.status).toBe(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.raw as unknown as ArrayBuffer);
    const periodNames = own.getWorksheet(1)?.getColumn(10).values.map(String) ?? [];
    expect(periodNames).toContain('Kỳ của huyện Một 2026');
    expect(periodNames).not.toContain('Kỳ của huyện Hai 2026');
  });

  it('names a bad filter or cursor in Vietnamese', async () => {
    const cases: [string, string][] = [
      ['limit=201', 'query.limit'],
      ['cursor=abc', 'query.cursor'],
      ['from=2027-02-30', 'query.from'],
      ['from=2027-01-25&to=2027-01-20', 'query.to'],
      ['entityId=x', 'query.entityType'],
    ];
    for (const [query, path] of cases) {
      const r = await t.request('GET', `/api/audit?${query}`, { as: admin });
      expect([query, r.status]).toEqual([query, 400]);
      expect(JSON.stringify(r.body)).toContain(path);
    }
  });
});
