import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { errorOf } from './test-support/collection-fixtures.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

interface NodeView {
  code: string;
  leadOffice?: string | null;
  supportingOffices?: string[];
}

/**
 * The framework's default lead and supporting offices (decision 0019), set by the administrator
 * in the framework editor through the node's edit: saved, audited, refused while a period uses
 * the framework, and resolved to each unit's own offices.
 */
describe.each(DATABASE_KINDS)('default offices of a framework node (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let copyId: string;
  const patch = (frameworkId: string, code: string, body: object, as = w.sessions.admin) =>
    t.request('PATCH', `/api/frameworks/${frameworkId}/nodes/${code}`, { as, body });
  const nodeOf = (body: unknown, code: string) =>
    (body as { nodes: NodeView[] }).nodes.find((n) => n.code === code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    const copy = await t.request('POST', `/api/frameworks/${w.frameworkId}/copy`, {
      as: w.sessions.admin,
      body: { year: 2023 },
    });
    expect(copy.status).toBe(201);
    copyId = (copy.body as { id: string }).id;
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses them on a framework an open period uses, as every other edit', async () => {
    const r = await patch(w.frameworkId, '1.1', { leadOffice: 'Phòng Pháp chế' });
    expect(r.status).toBe(409);
    expect(errorOf(r).code).toBe('FRAMEWORK_IN_USE');
    const framework = await t.request('GET', `/api/frameworks/${w.frameworkId}`, {
      as: w.sessions.admin,
    });
    expect(nodeOf(framework.body, '1.1')).toMatchObject({
      leadOffice: null,
      supportingOffices: [],
    });
  });

  it('saves the names as written, each supporting office once, and audits the change', async () => {
    const r = await patch(copyId, '1.1', {
      leadOffice: '  Phòng Pháp chế ',
      supportingOffices: ['Văn phòng', 'văn phòng', 'Phòng Tổ chức cán bộ'],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(nodeOf(r.body, '1.1')).toMatchObject({
      leadOffice: 'Phòng Pháp chế',
      supportingOffices: ['Văn phòng', 'Phòng Tổ chức cán bộ'],
    });
    const audit = await t.deps.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'framework.node.update'), eq(auditLog.entityId, copyId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ leadOffice: null, supportingOffices: [] });
    expect(audit[0]?.after).toEqual({
      leadOffice: 'Phòng Pháp chế',
      supportingOffices: ['Văn phòng', 'Phòng Tổ chức cán bộ'],
    });
  });

  it('is resolved to the unit’s own office, the names it has no office for listed', async () => {
    const r = await t.request('GET', `/api/units/SNV/responsibilities?frameworkId=${copyId}`, {
      as: w.sessions['cb.snv'],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const node = (r.body as { nodes: Record<string, unknown>[] }).nodes.find(
      (n) => n.code === '1.1',
    );
    expect(node).toMatchObject({
      defaultLead: 'Phòng Pháp chế',
      defaultSupporting: ['Văn phòng', 'Phòng Tổ chức cán bộ'],
      lead: { id: w.ids.officeSNV, name: 'Phòng Pháp chế' },
      source: 'framework',
      unmatched: ['Văn phòng', 'Phòng Tổ chức cán bộ'],
    });
  });

  it('refuses a lead that also supports, and clears the lead with an empty name', async () => {
    let r = await patch(copyId, '1.1', { supportingOffices: ['P. Pháp chế'] });
    expect(r.status).toBe(400);
    expect(errorOf(r).issues).toEqual([
      {
        path: 'supportingOffices',
        message: '"P. Pháp chế" đã là đơn vị chủ trì; hãy bỏ khỏi danh sách đơn vị phối hợp',
      },
    ]);
    r = await patch(copyId, '1.1', { leadOffice: '' });
    expect(r.status).toBe(200);
    // The supporting offices were not sent, so they stay.
    expect(nodeOf(r.body, '1.1')).toMatchObject({
      leadOffice: null,
      supportingOffices: ['Văn phòng', 'Phòng Tổ chức cán bộ'],
    });
  });

  it('is the administrator’s alone', async () => {
    const r = await patch(copyId, '1.1', { leadOffice: 'Văn phòng' }, w.sessions['tt.snv']);
    expect(r.status).toBe(403);
  });
});
