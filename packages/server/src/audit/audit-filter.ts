import { DomainError, ERROR_CODES, parseVietnamTime } from '@chiso/core';
import type { AuditFilterQuery } from '@chiso/contract';

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a page of the trail starts: strictly older than this (at in microseconds, id). */
export interface AuditCursor {
  atMicros: bigint;
  id: number;
}

/** The trail's filters, checked and turned into what the query compares. */
export interface AuditFilter {
  actorId?: string;
  actorText?: string;
  unitId?: string;
  periodId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Included. */
  from?: Date;
  /** Excluded. */
  before?: Date;
}

function badQuery(field: string, message: string): DomainError {
  return new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Bộ lọc nhật ký không hợp lệ', [
    { path: `query.${field}`, message },
  ]);
}

/**
 * A day is a Vietnam-local day: `from` from its 00:00, `to` up to its 24:00 (both included);
 * an instant is taken as written, `from` included and `to` excluded.
 */
function timeOf(field: 'from' | 'to', value: string): Date {
  const ms = parseVietnamTime(value);
  if (ms === undefined) throw badQuery(field, `"${value}" không phải một ngày có thật`);
  return new Date(field === 'to' && DAY.test(value) ? ms + DAY_MS : ms);
}

export function auditFilterOf(query: AuditFilterQuery): AuditFilter {
  if (query.entityId !== undefined && query.entityType === undefined) {
    throw badQuery('entityType', 'cần kèm entityType khi lọc theo entityId');
  }
  const filter: AuditFilter = {};
  if (query.actor !== undefined) {
    if (UUID.test(query.actor)) filter.actorId = query.actor.toLowerCase();
    else filter.actorText = query.actor;
  }
  if (query.unitId !== undefined) filter.unitId = query.unitId;
  if (query.periodId !== undefined) filter.periodId = query.periodId;
  if (query.action !== undefined) filter.action = query.action;
  if (query.entityType !== undefined) filter.entityType = query.entityType;
  if (query.entityId !== undefined) filter.entityId = query.entityId;
  if (query.from !== undefined) filter.from = timeOf('from', query.from);
  if (query.to !== undefined) filter.before = timeOf('to', query.to);
  if (filter.from && filter.before && filter.from >= filter.before) {
    throw badQuery('to', '"đến ngày" phải sau "từ ngày"');
  }
  return filter;
}

/** The opaque text of a cursor (base64url of "microseconds.id"). */
export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.atMicros}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): AuditCursor {
  const match = /^(\d{1,19})\.(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString());
  if (!match?.[1] || !match[2]) {
    throw badQuery('cursor', 'con trỏ trang không hợp lệ (lấy từ nextCursor của trang trước)');
  }
  return { atMicros: BigInt(match[1]), id: Number(match[2]) };
}
