import { DomainError, ERROR_CODES, formatVietnamTime } from '@chiso/core';
import type { AuditFilterQuery } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import { auditFilterOf } from '../../audit/audit-filter.js';
import { presentTrailRow } from '../../audit/present-trail.js';
import { listAuditTrail } from '../../repositories/audit-trail.js';
import { buildSheetsWorkbook, workbookBytes } from '../../spreadsheet/write-sheets.js';
import { authorizeAuditRead } from './audit-reach.js';

/** The most rows one spreadsheet holds; past it the administrator narrows the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

const HEADER = [
  'Thời điểm',
  'Người thực hiện',
  'Tên đăng nhập',
  'Địa chỉ IP',
  'Thao tác',
  'Mã thao tác',
  'Loại đối tượng',
  'Mã đối tượng',
  'Đơn vị',
  'Kỳ đánh giá',
  'Tiêu chí',
  'Thay đổi',
];

/**
 * The trail with the page's filters as an .xlsx file, newest first (bounded: refused past
 * AUDIT_EXPORT_MAX_ROWS rows, naming the count, so that no export is silently cut short).
 */
export async function exportAudit(ctx: UseCaseContext, query: AuditFilterQuery): Promise<Buffer> {
  const filter = auditFilterOf(query);
  const { actor, reach } = await authorizeAuditRead(ctx, filter);
  const rows = await listAuditTrail(ctx.deps.db, filter, {
    reach,
    limit: AUDIT_EXPORT_MAX_ROWS + 1,
  });
  if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      `Nhật ký có hơn ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng theo bộ lọc này; hãy chọn khoảng ngày ngắn hơn hoặc thêm bộ lọc`,
      [{ path: 'query.from', message: 'chọn khoảng thời gian ngắn hơn' }],
    );
  }
  const showIp = actor.role === 'administrator';
  const body = rows.map((row) => {
    const entry = presentTrailRow(row, showIp);
    return [
      formatVietnamTime(row.at.getTime()),
      entry.actor,
      entry.actorUsername,
      entry.ip,
      entry.actionLabel,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.unitName ?? entry.unitId,
      entry.periodName,
      entry.code,
      entry.summary,
    ];
  });
  return workbookBytes(
    buildSheetsWorkbook([{ sheet: 'Nhật ký thay đổi', rows: [HEADER, ...body] }]),
  );
}
