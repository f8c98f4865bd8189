import { NOTIFICATION_KINDS } from '@chiso/core';
import { z } from 'zod';
import { intQuery, isoDateTime, uuidOf } from './common.js';

const yesNo = z.enum(['true', 'false'], 'chỉ nhận "true" hoặc "false"');

export const notificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: intQuery(0).default(0),
  /** "true": only the notifications not read yet. */
  unread: yesNo.optional(),
});

export const notificationParams = z.object({ id: uuidOf('thông báo') });

/** One notification of the signed-in person. */
export const notificationResponse = z.strictObject({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path of the web app to open ("/ky-danh-gia/…"). */
  link: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});

/** A page of notifications, newest first, with how many there are and how many are unread. */
export const notificationsResponse = z.strictObject({
  items: z.array(notificationResponse),
  total: z.number().int(),
  unread: z.number().int(),
});

export const unreadCountResponse = z.strictObject({ unread: z.number().int() });

export const readAllResponse = z.strictObject({
  /** How many were marked read now. */
  marked: z.number().int(),
  unread: z.number().int(),
});

const channelChoice = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  inApp: z.boolean(),
  email: z.boolean(),
});

export const preferencesBody = z.object({
  kinds: z
    .array(channelChoice)
    .min(1)
    .refine((list) => new Set(list.map((k) => k.kind)).size === list.length, {
      message: 'mỗi loại thông báo chỉ chọn một lần',
    }),
});

/** The person's channels per kind; e-mail is offered only when the server can send it. */
export const preferencesResponse = z.strictObject({
  emailAvailable: z.boolean(),
  /** The person's own address, where e-mail goes (null: none yet, ask the administrator). */
  email: z.string().nullable(),
  kinds: z.array(
    z.strictObject({
      kind: z.enum(NOTIFICATION_KINDS),
      label: z.string(),
      inApp: z.boolean(),
      email: z.boolean(),
    }),
  ),
});

export type NotificationsQuery = z.input<typeof notificationsQuery>;
export type Notification = z.output<typeof notificationResponse>;
export type NotificationsPage = z.output<typeof notificationsResponse>;
export type PreferencesBody = z.input<typeof preferencesBody>;
export type Preferences = z.output<typeof preferencesResponse>;
