import { asc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudits, type AuditEntry } from './audit/record-audit.js';
import { auditLog, units, users } from './db/schema.js';
import { actorOf } from './repositories/users.js';
import { importAndWait } from './test-support/import-jobs.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

// The units import writes its rows and their audit rows through one jsonb_to_recordset
// parameter (decision 0034). These tests hold it to what the VALUES path stored, with the
// texts that jsonb escaping could get wrong.

/** Names with quotes, backslashes, JSON-looking text, a tab and Vietnamese diacritics. */
const TRICKY = [
  'UBND xã "Đông" Hà',
  'UBND phường Ô Chợ Dừa \\ Đống Đa',
  "Trường Sa's \\\\ đặc khu",
  'Tên {"a": 1} \\u0000 không phải ký tự NUL',
  'Cột\tcó tab, ngoặc đơn (Hưng Yên) và \\"',
  'Ủy ban nhân dân xã Ẩn Ổ Ỹ Ỳ Ỵ Ữ Ự Ắ Ặ Ầ Ẫ Đ',
];

interface Row {
  id: string;
  name: string;
  typeText: string;
  type: string;
  parentId: string | null;
  peerGroup: string;
  activeFrom: string | null;
  activeTo: string | null;
}

/** `count` units: a district and its communes, children listed before their parent. */
function unitRows(count: number, prefix: string, nameSuffix = ''): Row[] {
  const district = `${prefix}H`;
  const communes = Array.from({ length: count - 1 }, (_, i): Row => {
    const tricky = TRICKY[i % TRICKY.length]!;
    return {
      id: `${prefix}X${i}`,
      name: `${tricky} số ${i}${nameSuffix}`,
      typeText: 'xã',
      type: 'xa',
      parentId: i % 3 === 0 ? null : district,
      // A peer group in free text, also tricky; blank ones default to the type.
      peerGroup: i % 4 === 0 ? `nhóm "${i % 7}" \\ khối` : 'xa',
      activeFrom: i % 5 === 0 ? '2024-07-01' : null,
      activeTo: i % 10 === 0 ? '2025-06-30' : null,
    };
  });
  const top: Row = {
    id: district,
    name: `UBND huyện "Kiểm" \\ tra${nameSuffix}`,
    typeText: 'UBND cấp huyện',
    type: 'huyen',
    parentId: null,
    peerGroup: 'huyen',
    activeFrom: null,
    activeTo: null,
  };
  return [...communes, top];
}

const vnDate = (iso: string | null) => (iso === null ? null : iso.split('-').reverse().join('/'));

function unitsFile(rows: Row[]): string {
  return toCsv([
    [
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại đơn vị',
      'Đơn vị cấp trên',
      'Nhóm xếp hạng',
      'Từ ngày',
      'Đến ngày',
    ],
    ...rows.map((r) => [
      r.id,
      r.name,
      r.typeText,
      r.parentId,
      r.peerGroup === r.type ? null : r.peerGroup,
      vnDate(r.activeFrom),
      vnDate(r.activeTo),
    ]),
  ]);
}

describe.each(DATABASE_KINDS)('the units import save through jsonb (%s)', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  const stored = (prefix: string) =>
    t.deps.db
      .select()
      .from(units)
      .where(like(units.id, `${prefix}%`))
      .orderBy(asc(units.id));

  it('stores every column and audit row as built from the file, over two batches, then updates', async () => {
    t.setTime('05/01/2023 09:00');
    const [admin] = await t.deps.db.select().from(users).where(eq(users.username, 'admin'));
    const actorName = `${admin!.fullName} (${admin!.username})`;
    const rows = unitRows(1_250, 'JS');
    const first = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.csv', content: unitsFile(rows) },
      w.sessions.admin!,
    );
    expect(first.job).toMatchObject({ state: 'succeeded', result: { created: 1250, updated: 0 } });

    const expectUnits = async (expected: Row[]) => {
      const got = await stored('JS');
      expect(got.map(({ createdAt: _, ...u }) => u)).toEqual(
        [...expected]
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((r) => ({
            id: r.id,
            name: r.name,
            type: r.type,
            parentId: r.parentId,
            peerGroup: r.peerGroup,
            activeFrom: r.activeFrom,
            activeTo: r.activeTo,
          })),
      );
      return got;
    };
    const created = await expectUnits(rows);
    // One transaction: every unit has its default created_at, the same instant.
    expect(new Set(created.map((u) => u.createdAt.toISOString())).size).toBe(1);

    const audits = async (action: string) =>
      t.deps.db
        .select()
        .from(auditLog)
        .where(
          inArray(
            auditLog.entityId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(auditLog.id))
        .then((all) => all.filter((a) => a.action === action));
    const asJson = (u: (typeof created)[number]) => ({
      ...u,
      createdAt: u.createdAt.toISOString(),
      source: 'import',
    });
    const creates = await audits('unit.create');
    // Parents first (the top units in the file's order, then their children), as written.
    const order = [
      ...rows.filter((r) => r.parentId === null),
      ...rows.filter((r) => r.parentId !== null),
    ].map((r) => r.id);
    const byId = new Map(created.map((u) => [u.id, u]));
    expect(creates.map(({ id: _, ...a }) => a)).toEqual(
      order.map((id) => ({
        at: new Date('2023-01-05T02:00:00.000Z'),
        actorId: admin!.id,
        actorName,
        ip: creates[0]!.ip,
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        periodId: null,
        unitId: id,
        code: null,
        before: null,
        after: asJson(byId.get(id)!),
      })),
    );
    expect(creates[0]!.ip).toMatch(/\S/);

    // Again with other names: every unit updated, its before the row as it was.
    t.setTime('05/01/2023 09:10');
    const renamed = unitRows(1_250, 'JS', ' — đổi "tên" \\ lần 2');
    const second = await importAndWait(
      t,
      '/api/units/import',
      { name: 'don-vi.csv', content: unitsFile(renamed) },
      w.sessions.admin!,
    );
    expect(second.job).toMatchObject({ state: 'succeeded', result: { created: 0, updated: 1250 } });
    const updated = await expectUnits(renamed);
    const updates = await audits('unit.update');
    const afterById = new Map(updated.map((u) => [u.id, u]));
    expect(updates.map((a) => [a.entityId, a.at, a.before, a.after])).toEqual(
      order.map((id) => [
        id,
        new Date('2023-01-05T02:10:00.000Z'),
        // The unit as it was read before the import (no `source`), then as imported.
        { ...byId.get(id)!, createdAt: byId.get(id)!.createdAt.toISOString() },
        asJson(afterById.get(id)!),
      ]),
    );
  });

  it('writes a large audit batch exactly as the one-row-a-value path does', async () => {
    const [admin] = await t.deps.db.select().from(users).where(eq(users.username, 'admin'));
    const ctx = t.context(actorOf(admin!));
    const entries = (prefix: string): AuditEntry[] =>
      Array.from({ length: 150 }, (_, i) => ({
        action: 'test.recordset',
        entityType: 'test',
        entityId: `${prefix}${i}`,
        ...(i % 2 === 0 ? { periodId: w.periodId } : {}),
        ...(i % 3 === 0 ? { unitId: 'SNV', code: `1.${i}` } : {}),
        ...(i % 4 === 0
          ? {}
          : { before: { name: TRICKY[i % TRICKY.length], n: i, list: [1, null] } }),
        ...(i % 5 === 0
          ? {}
          : { after: { at: new Date(Date.UTC(2025, 0, 1 + i)), text: `"${i}" \\ ư`, none: null } }),
        ...(i === 7 ? { before: null, after: 'chỉ một chuỗi "có ngoặc"' } : {}),
      }));
    await t.deps.db.transaction(async (tx) => {
      await recordAudits(tx, ctx, entries('RS-')); // one jsonb parameter
      const small = entries('VL-');
      for (let i = 0; i < small.length; i += 50)
        await recordAudits(tx, ctx, small.slice(i, i + 50)); // the VALUES path
    });
    const read = async (prefix: string) =>
      (
        await t.deps.db
          .select()
          .from(auditLog)
          .where(like(auditLog.entityId, `${prefix}%`))
          .orderBy(asc(auditLog.id))
      ).map(({ id: _, entityId, ...a }) => ({ ...a, n: entityId.slice(prefix.length) }));
    const viaRecordset = await read('RS-');
    expect(viaRecordset).toHaveLength(150);
    expect(viaRecordset).toEqual(await read('VL-'));
    expect(viaRecordset[7]).toMatchObject({ before: null, after: 'chỉ một chuỗi "có ngoặc"' });
  });
});
