import { formatVietnamTime } from '@chiso/core';
import { listOpenSupplementRequests } from '../../repositories/reminder-sources.js';
import { findUnits } from '../../repositories/units.js';
import { deadlineText, type DueReminder, type ReminderSource } from '../source.js';
import { peopleByUnit } from './people.js';

/**
 * A leaf sent back for supplement (yêu cầu bổ sung): the unit's officers and heads, once per
 * request; a new deadline is a new request.
 */
export const supplementRequestedSource: ReminderSource = {
  kind: 'supplementRequested',
  async due(db, now) {
    const requests = await listOpenSupplementRequests(db, now);
    if (requests.length === 0) return [];
    const unitIds = [...new Set(requests.map((r) => r.unitId))];
    const names = new Map((await findUnits(db, unitIds)).map((u) => [u.id, u.name]));
    const people = await peopleByUnit(db, unitIds);
    const found: DueReminder[] = [];
    for (const request of requests) {
      if (!request.deadline) continue;
      const deadline = deadlineText(formatVietnamTime(request.deadline.getTime(), true));
      const note = request.note?.trim() ? ` Nội dung cần bổ sung: ${request.note.trim()}` : '';
      for (const recipientId of people.get(request.unitId) ?? []) {
        found.push({
          kind: 'supplementRequested',
          subject: `${request.periodId}/${request.unitId}/${request.code}/${request.deadline.toISOString()}`,
          recipientId,
          stage: 'requested',
          title: `Yêu cầu bổ sung tiêu chí ${request.code}: ${request.periodName}`,
          body: `Người thẩm định đề nghị ${names.get(request.unitId) ?? request.unitId} bổ sung tài liệu kiểm chứng cho tiêu chí ${request.code}, hạn đến ${deadline}.${note}`,
          link: `/ky-danh-gia/${request.periodId}/don-vi/${request.unitId}`,
        });
      }
    }
    return found;
  },
};
