import {
  createUserBody,
  importJobResponse,
  updateUserBody,
  userParams,
  userResponse,
  usersResponse,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { multipart, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { openUploadedFile } from '../http/uploads.js';
import { listUsers, presentUser } from '../repositories/users.js';
import { authorizeIn, reachOf } from '../use-cases/reach.js';
import { createUser } from '../use-cases/users/create-user.js';
import { queueImport } from '../use-cases/imports/queue-import.js';
import { updateUser } from '../use-cases/users/update-user.js';

const tags = ['Tài khoản'];

export async function userRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/users',
    {
      schema: { tags, summary: 'Danh sách tài khoản', response: responds({ 200: usersResponse }) },
    },
    async (request) => {
      const ctx = contextOf(request, deps);
      await authorizeIn(ctx, 'administer', 'ownSecretariat');
      // A unit's secretariat lists the accounts of its subtree (decision 0024).
      const reach = await reachOf(ctx);
      return (await listUsers(deps.db))
        .filter((u) => reach === undefined || (u.unitId !== null && reach.has(u.unitId)))
        .map(presentUser);
    },
  );

  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản',
        body: createUserBody,
        response: responds({ 201: userResponse }),
      },
    },
    async (request, reply) => {
      const user = await createUser(contextOf(request, deps), request.body);
      return reply.status(201).send(user);
    },
  );

  api.post(
    '/users/import',
    {
      schema: {
        tags,
        summary:
          'Nhập tài khoản từ .xlsx/.csv (mật khẩu đầu tiên ngẫu nhiên; chạy nền: theo dõi ở /imports/:id)',
        ...multipart(),
        response: responds({ 202: importJobResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await authorizeIn(ctx, 'administer', 'ownSecretariat');
      const file = await openUploadedFile(request);
      return reply.status(202).send(await queueImport(ctx, 'users', file));
    },
  );

  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tài khoản: vai trò, đơn vị, khóa/mở, đặt lại mật khẩu',
        params: userParams,
        body: updateUserBody,
        response: responds({ 200: userResponse }),
      },
    },
    async (request) => updateUser(contextOf(request, deps), request.params.id, request.body),
  );
}
