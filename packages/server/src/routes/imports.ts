import { importJobParams, importJobResponse } from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { cancelImport } from '../use-cases/imports/cancel-import.js';
import { readImport } from '../use-cases/imports/read-import.js';

const tags = ['Nhập tệp'];

/** Imports run as jobs (decision 0034): their progress and answer, and the way to stop one. */
export async function importRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ và kết quả một lượt nhập tệp (người gửi, quản trị cùng phạm vi)',
        params: importJobParams,
        response: responds({ 200: importJobResponse }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return readImport(contextOf(request, deps), request.params.id);
    },
  );

  api.post(
    '/imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Dừng một lượt nhập tệp: không có gì được lưu',
        params: importJobParams,
        response: responds({ 200: importJobResponse }),
      },
    },
    async (request) => cancelImport(contextOf(request, deps), request.params.id),
  );
}
