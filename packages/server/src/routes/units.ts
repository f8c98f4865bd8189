import { UNIT_TYPES } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { readUploadedTables } from '../http/uploads.js';
import { listLineage, listUnits } from '../repositories/units.js';
import { requireActor } from '../use-cases/authorize.js';
import { addLineage } from '../use-cases/units/add-lineage.js';
import { importUnits } from '../use-cases/units/import-units.js';
import { saveUnit } from '../use-cases/units/save-unit.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd');
const unitBody = z.object({
  name: z.string().trim().min(1).max(300),
  type: z.string().trim().min(1).max(40),
  parentId: z.string().trim().min(1).nullable().optional(),
  peerGroup: z.string().trim().min(1).max(60).optional(),
  activeFrom: isoDate.nullable().optional(),
  activeTo: isoDate.nullable().optional(),
});
const unitId = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ'),
});
const tags = ['Đơn vị'];

export async function unitRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/unit-types', { schema: { tags, summary: 'Các loại đơn vị' } }, async () =>
    Object.entries(UNIT_TYPES).map(([key, spec]) => ({ key, label: spec.label })),
  );

  api.get(
    '/units',
    { schema: { tags, summary: 'Cây tổ chức: các đơn vị và quan hệ kế thừa' } },
    async (request) => {
      const ctx = contextOf(request, deps);
      requireActor(ctx);
      const [units, lineage] = await Promise.all([listUnits(deps.db), listLineage(deps.db)]);
      return { units, lineage };
    },
  );

  api.put(
    '/units/:id',
    { schema: { tags, summary: 'Tạo hoặc sửa một đơn vị', params: unitId, body: unitBody } },
    async (request) =>
      saveUnit(contextOf(request, deps), { id: request.params.id, ...request.body }),
  );

  api.post(
    '/units/import',
    { schema: { tags, summary: 'Nhập danh sách đơn vị từ .xlsx/.csv' } },
    async (request) => {
      const tables = await readUploadedTables(request);
      return importUnits(contextOf(request, deps), tables);
    },
  );

  api.post(
    '/units/:id/lineage',
    {
      schema: {
        tags,
        summary: 'Ghi nhận đơn vị được hình thành từ đơn vị cũ (sáp nhập, chia tách, đổi tên)',
        params: unitId,
        body: z.object({
          from: z.array(z.string().trim().min(1)).min(1),
          kind: z.enum(['merge', 'split', 'rename']),
          effectiveOn: isoDate,
          primary: z.string().trim().min(1).optional(),
        }),
      },
    },
    async (request) => {
      await addLineage(contextOf(request, deps), { unitId: request.params.id, ...request.body });
      return { ok: true };
    },
  );
}
