import {
  notificationParams,
  notificationResponse,
  notificationsQuery,
  notificationsResponse,
  preferencesBody,
  preferencesResponse,
  readAllResponse,
  unreadCountResponse,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { countUnread } from '../use-cases/notifications/count-unread.js';
import { getPreferences } from '../use-cases/notifications/get-preferences.js';
import { listNotifications } from '../use-cases/notifications/list-notifications.js';
import { markAllRead } from '../use-cases/notifications/mark-all-read.js';
import { markRead } from '../use-cases/notifications/mark-read.js';
import { setPreferences } from '../use-cases/notifications/set-preferences.js';

const tags = ['Thông báo'];

/** The signed-in person's own notifications and channels; nobody reaches another's. */
export async function notificationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (mới nhất trước), số chưa đọc',
        querystring: notificationsQuery,
        response: responds({ 200: notificationsResponse }),
      },
    },
    async (request) => {
      const { limit, offset, unread } = request.query;
      return listNotifications(contextOf(request, deps), {
        limit,
        offset,
        unreadOnly: unread === 'true',
      });
    },
  );

  api.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'Số thông báo chưa đọc',
        response: responds({ 200: unreadCountResponse }),
      },
    },
    async (request) => countUnread(contextOf(request, deps)),
  );

  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: notificationParams,
        response: responds({ 200: notificationResponse }),
      },
    },
    async (request) => markRead(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc',
        response: responds({ 200: readAllResponse }),
      },
    },
    async (request) => markAllRead(contextOf(request, deps)),
  );

  api.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Cách nhận thông báo theo từng loại',
        response: responds({ 200: preferencesResponse }),
      },
    },
    async (request) => getPreferences(contextOf(request, deps)),
  );

  api.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Chọn cách nhận thông báo (trong ứng dụng, thư điện tử)',
        body: preferencesBody,
        response: responds({ 200: preferencesResponse }),
      },
    },
    async (request) => setPreferences(contextOf(request, deps), request.body.kinds),
  );
}
