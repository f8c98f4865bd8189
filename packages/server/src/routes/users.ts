import { ROLES } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { listUsers, presentUser } from '../repositories/users.js';
import { authorize } from '../use-cases/authorize.js';
import { createUser } from '../use-cases/users/create-user.js';
import { importUsers } from '../use-cases/users/import-users.js';
import { readUploadedTables } from '../http/uploads.js';
import { updateUser } from '../use-cases/users/update-user.js';

const tags = ['Tài khoản'];

export async function userRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/users', { schema: { tags, summary: 'Danh sách tài khoản' } }, async (request) => {
    authorize(contextOf(request, deps), 'administer');
    return (await listUsers(deps.db)).map(presentUser);
  });

  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản',
        body: z.object({
          username: z
            .string()
            .trim()
            .min(3)
            .max(60)
            .regex(/^[a-zA-Z0-9._-]+$/, 'chỉ gồm chữ không dấu, số, ".", "_", "-"'),
          fullName: z.string().trim().min(1).max(200),
          password: z.string().min(1).max(200),
          role: z.enum(ROLES),
          unitId: z.string().trim().min(1).nullable().optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = await createUser(contextOf(request, deps), request.body);
      return reply.status(201).send(user);
    },
  );

  api.post(
    '/users/import',
    { schema: { tags, summary: 'Nhập tài khoản từ .xlsx/.csv (mật khẩu đầu tiên ngẫu nhiên)' } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      authorize(ctx, 'administer');
      return reply.status(201).send(await importUsers(ctx, await readUploadedTables(request)));
    },
  );

  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tài khoản: vai trò, đơn vị, khóa/mở, đặt lại mật khẩu',
        params: z.object({ id: z.uuid('mã tài khoản không hợp lệ') }),
        body: z.object({
          fullName: z.string().trim().min(1).max(200).optional(),
          role: z.enum(ROLES).optional(),
          unitId: z.string().trim().min(1).nullable().optional(),
          active: z.boolean().optional(),
          password: z.string().min(1).max(200).optional(),
        }),
      },
    },
    async (request) => updateUser(contextOf(request, deps), request.params.id, request.body),
  );
}
