import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type Session, type TestApp } from './test-support/test-app.js';
import { buildSubtreeWorld, type SubtreeWorld } from './test-support/subtree-world.js';

/**
 * What the subtree matrix (subtree-matrix-*.test.ts, every route × role × place) does not say:
 * what lists show a district, which units its period takes, whom it may assign and create.
 */
describe.each(DATABASE_KINDS)(
  'authorization: a district secretariat on its own subtree, its sibling’s and the province’s (%s)',
  (kind) => {
    let w: SubtreeWorld;
    let t: TestApp;
    let province: Session;
    let as: Record<string, Session>;
    let ids: Record<string, string>;
    const periods = { ids: { H1: '', H2: '', province: '' } };

    beforeAll(async () => {
      w = await buildSubtreeWorld(kind);
      ({ t, province, as } = w);
      ids = w.userIds;
      periods.ids = w.period;
    }, 120_000);
    afterAll(async () => w?.t.close());

    it('gives a district period its own communes only, and owns it by the district', async () => {
      const list = await t.request('GET', '/api/periods', { as: as['qt.h1']! });
      expect((list.body as { id: string }[]).map((p) => p.id)).toEqual([periods.ids.H1]);
      const own = await t.request('GET', `/api/periods/${periods.ids.H1}`, { as: as['qt.h1']! });
      expect((own.body as { units: { unitId: string }[] }).units.map((u) => u.unitId)).toEqual([
        'X11',
        'X12',
      ]);
      const all = await t.request('GET', '/api/periods', { as: province });
      // The province's list says who runs each period.
      const owners = (
        all.body as { id: string; ownerUnitId: string | null; ownerUnitName: string | null }[]
      ).map((p) => [p.id, p.ownerUnitId, p.ownerUnitName]);
      expect(owners).toEqual(
        expect.arrayContaining([
          [periods.ids.H1, 'H1', 'UBND huyện Nam Sách'],
          [periods.ids.H2, 'H2', 'UBND huyện Thanh Hà'],
          [periods.ids.province, null, null],
        ]),
      );
      expect(owners).toHaveLength(3);
    });

    it('refuses a district period naming a sibling’s commune or the district itself', async () => {
      const frameworks = (await t.request('GET', '/api/frameworks', { as: as['qt.h1']! })).body as {
        id: string;
        unitType: string;
      }[];
      expect(frameworks).toHaveLength(1);
      const r = await t.request('POST', '/api/periods', {
        as: as['qt.h1']!,
        body: {
          name: 'Thử',
          year: 2022,
          frameworks: { xa: frameworks[0]!.id },
          unitIds: ['X11', 'X21'],
        },
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain(
        'UBND xã Thanh An không trực thuộc UBND huyện Nam Sách',
      );
    });

    it('refuses to assign the sibling district’s appraiser', async () => {
      const r = await t.request('PUT', `/api/periods/${periods.ids.H1}/units/X12/appraisers`, {
        as: as['qt.h1']!,
        body: { appraiserIds: [ids['td.h2']] },
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('cơ quan thường trực khác');
    });

    it('lets a district administrator create accounts inside its subtree only', async () => {
      const create = (body: Record<string, unknown>) =>
        t.request('POST', '/api/users', {
          as: as['qt.h1']!,
          body: { fullName: 'Người mới', password: 'mat-khau-rat-dai', ...body },
        });
      expect((await create({ username: 'tt.x11', role: 'unitHead', unitId: 'X11' })).status).toBe(
        201,
      );
      expect((await create({ username: 'td2.h1', role: 'appraiser', unitId: 'H1' })).status).toBe(
        201,
      );
      const sibling = await create({ username: 'cb.x21', role: 'unitOfficer', unitId: 'X21' });
      expect(sibling.status).toBe(403);
      expect(JSON.stringify(sibling.body)).toContain('không thuộc địa bàn của bạn');
      const installWide = await create({ username: 'qt.tinh', role: 'administrator' });
      expect(installWide.status).toBe(403);
      const users = (await t.request('GET', '/api/users', { as: as['qt.h1']! })).body as {
        username: string;
      }[];
      expect(users.map((u) => u.username).sort()).toEqual(
        ['cb.h1', 'cb.x11', 'hd.h1', 'np.h1', 'qt.h1', 'td.h1', 'td2.h1', 'tt.x11'].sort(),
      );
    });

    it('lets a district’s API token push into its own period only, and its administrator manage its own tokens', async () => {
      const issue = async (session: Session, name: string) => {
        const r = await t.request('POST', '/api/api-tokens', {
          as: session,
          body: { name, scopes: ['statistics:write'] },
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body as { token: { id: string; ownerUnitId: string | null }; secret: string };
      };
      const h1 = await issue(as['qt.h1']!, 'Một cửa huyện Nam Sách');
      const h2 = await issue(as['qt.h2']!, 'Một cửa huyện Thanh Hà');
      const mine = await issue(province, 'Một cửa tỉnh');
      expect([h1.token.ownerUnitId, h2.token.ownerUnitId, mine.token.ownerUnitId]).toEqual([
        'H1',
        'H2',
        null,
      ]);
      const push = (secret: string, key: 'H1' | 'H2' | 'province') =>
        t.request('POST', `/api/push/periods/${periods.ids[key]}/statistics`, {
          headers: { authorization: `Bearer ${secret}` },
          body: { rows: [{ unitId: w.periodUnit[key], resolved: 10, resolvedOnTime: 9 }] },
        });
      expect((await push(h1.secret, 'H1')).status).toBe(200);
      expect((await push(h1.secret, 'H2')).status).toBe(403);
      expect((await push(h1.secret, 'province')).status).toBe(403);
      expect((await push(mine.secret, 'H2')).status).toBe(200);
      for (const other of [h2.token.id, mine.token.id]) {
        const revoke = await t.request('POST', `/api/api-tokens/${other}/revoke`, {
          as: as['qt.h1']!,
        });
        expect(revoke.status).toBe(403);
      }
      const rotate = await t.request('POST', `/api/api-tokens/${h1.token.id}/rotate`, {
        as: as['qt.h1']!,
        body: {},
      });
      expect(rotate.status).toBe(201);
      const listed = (await t.request('GET', '/api/api-tokens', { as: as['qt.h1']! })).body as {
        tokens: { ownerUnitId: string | null }[];
      };
      expect(listed.tokens.map((token) => token.ownerUnitId)).toEqual(['H1', 'H1']);
      const all = (await t.request('GET', '/api/api-tokens', { as: province })).body as {
        tokens: unknown[];
      };
      expect(all.tokens).toHaveLength(4);
      expect(
        (await t.request('POST', `/api/api-tokens/${h2.token.id}/revoke`, { as: province })).status,
      ).toBe(200);
    });

    it('keeps the unit register and the job queue to the province, and lists a district its own units and trail', async () => {
      const unit = await t.request('PUT', '/api/units/X13', {
        as: as['qt.h1']!,
        body: { name: 'UBND xã mới', type: 'xa', parentId: 'H1' },
      });
      expect(unit.status).toBe(403);
      expect((await t.request('GET', '/api/jobs', { as: as['qt.h1']! })).status).toBe(403);
      // The trail is read within the subtree since decision 0038 (audit-trail.test.ts).
      expect((await t.request('GET', '/api/audit', { as: as['qt.h1']! })).status).toBe(200);
      const units = (await t.request('GET', '/api/units', { as: as['qt.h1']! })).body as {
        units: { id: string }[];
      };
      expect(units.units.map((u) => u.id).sort()).toEqual(['H1', 'X11', 'X12']);
    });
  },
);
