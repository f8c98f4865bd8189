import {
  addLineageBody,
  importJobResponse,
  okResponse,
  saveUnitBody,
  unitParams,
  unitResponse,
  unitsResponse,
  unitTypesResponse,
} from '@chiso/contract';
import { UNIT_TYPES } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { multipart, OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { listLineage, listUnits } from '../repositories/units.js';
import { reachOf } from '../use-cases/reach.js';
import { addLineage } from '../use-cases/units/add-lineage.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { saveUnit } from '../use-cases/units/save-unit.js';

const tags = ['Đơn vị'];

export async function unitRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/unit-types',
    {
      schema: { tags, summary: 'Các loại đơn vị', response: responds({ 200: unitTypesResponse }) },
    },
    async () => Object.entries(UNIT_TYPES).map(([key, spec]) => ({ key, label: spec.label })),
  );

  api.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'Cây tổ chức: các đơn vị và quan hệ kế thừa',
        response: responds({ 200: unitsResponse }),
      },
    },
    async (request) => {
      const ctx = contextOf(request, deps);
      // A unit's secretariat sees its subtree only (decision 0024); everyone else the whole tree.
      const reach = await reachOf(ctx);
      const [units, lineage] = await Promise.all([listUnits(deps.db), listLineage(deps.db)]);
      if (reach === undefined) return { units, lineage };
      return {
        units: units.filter((u) => reach.has(u.id)),
        lineage: lineage.filter((l) => reach.has(l.unitId)),
      };
    },
  );

  api.put(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Tạo hoặc sửa một đơn vị',
        params: unitParams,
        body: saveUnitBody,
        response: responds({ 200: unitResponse }),
      },
    },
    async (request) =>
      saveUnit(contextOf(request, deps), { id: request.params.id, ...request.body }),
  );

  api.post(
    '/units/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách đơn vị từ .xlsx/.csv (chạy nền: theo dõi ở /imports/:id)',
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const file = await openUploadedFile(request);
      return reply.status(202).send(await queueImport(ctx, 'units', file));
    },
  );

  api.post(
    '/units/:id/lineage',
    {
      schema: {
        tags,
        summary: 'Ghi nhận đơn vị được hình thành từ đơn vị cũ (sáp nhập, chia tách, đổi tên)',
        params: unitParams,
        body: addLineageBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await addLineage(contextOf(request, deps), { unitId: request.params.id, ...request.body });
      return OK;
    },
  );
}
