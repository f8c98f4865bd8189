import {
  createOfficeBody,
  nodeOfficesParams,
  officeParams,
  officeResponse,
  officesResponse,
  okResponse,
  responsibilitiesQuery,
  responsibilitiesResponse,
  setNodeOfficesBody,
  unitOfficesParams,
  updateOfficeBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { createOffice } from '../use-cases/offices/create-office.js';
import { getResponsibilities } from '../use-cases/offices/get-responsibilities.js';
import { listOffices } from '../use-cases/offices/list-offices.js';
import { setNodeOffices } from '../use-cases/offices/set-node-offices.js';
import { updateOffice } from '../use-cases/offices/update-office.js';

const tags = ['Phòng, ban và phân công'];

export async function officeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/units/:unitId/offices',
    {
      schema: {
        tags,
        summary: 'Các phòng, ban, đơn vị trực thuộc của một đơn vị',
        params: unitOfficesParams,
        response: responds({ 200: officesResponse }),
      },
    },
    async (request) => listOffices(contextOf(request, deps), request.params.unitId),
  );

  api.post(
    '/units/:unitId/offices',
    {
      schema: {
        tags,
        summary: 'Thêm một phòng, ban',
        params: unitOfficesParams,
        body: createOfficeBody,
        response: responds({ 201: officeResponse }),
      },
    },
    async (request, reply) => {
      const office = await createOffice(
        contextOf(request, deps),
        request.params.unitId,
        request.body.name,
      );
      return reply.status(201).send(office);
    },
  );

  api.put(
    '/units/:unitId/offices/:officeId',
    {
      schema: {
        tags,
        summary: 'Đổi tên, thứ tự, ngừng hoặc dùng lại một phòng, ban',
        params: officeParams,
        body: updateOfficeBody,
        response: responds({ 200: officeResponse }),
      },
    },
    async (request) =>
      updateOffice(
        contextOf(request, deps),
        request.params.unitId,
        request.params.officeId,
        request.body,
      ),
  );

  api.get(
    '/units/:unitId/responsibilities',
    {
      schema: {
        tags,
        summary: 'Phòng, ban chủ trì và phối hợp từng tiêu chí của đơn vị',
        params: unitOfficesParams,
        querystring: responsibilitiesQuery,
        response: responds({ 200: responsibilitiesResponse }),
      },
    },
    async (request) =>
      getResponsibilities(
        contextOf(request, deps),
        request.params.unitId,
        request.query.frameworkId,
      ),
  );

  api.put(
    '/units/:unitId/responsibilities/:frameworkId/:code',
    {
      schema: {
        tags,
        summary: 'Giao phòng, ban chủ trì và phối hợp một tiêu chí',
        params: nodeOfficesParams,
        body: setNodeOfficesBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await setNodeOffices(contextOf(request, deps), request.params, request.body);
      return OK;
    },
  );
}
