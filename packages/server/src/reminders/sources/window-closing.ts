import { dueReminderStage, formatVietnamTime } from '@chiso/core';
import { listExtensions } from '../../repositories/periods.js';
import {
  listOpenPeriodWindows,
  listParticipationsAt,
} from '../../repositories/reminder-sources.js';
import { findUnits } from '../../repositories/units.js';
import { deadlineText, type DueReminder, type ReminderSource } from '../source.js';
import { peopleByUnit } from './people.js';

const STAGES = [3, 1];

/**
 * The self-assessment window about to close: the officers and heads of every unit that has not
 * submitted, 3 days and 1 day before its close (the unit's own, when extended). The close is in
 * the subject, so an extension brings its own reminders.
 */
export const windowClosingSource: ReminderSource = {
  kind: 'windowClosing',
  async due(db, now) {
    const found: DueReminder[] = [];
    for (const window of await listOpenPeriodWindows(db, 'selfAssessment')) {
      if (now < window.opensAt) continue;
      const drafts = await listParticipationsAt(db, window.periodId, 'draft');
      if (drafts.length === 0) continue;
      const extended = new Map(
        (await listExtensions(db, window.periodId))
          .filter((e) => e.kind === 'selfAssessment')
          .map((e) => [e.unitId, e.closesAt.getTime()]),
      );
      const unitIds = drafts.map((p) => p.unitId);
      const names = new Map((await findUnits(db, unitIds)).map((u) => [u.id, u.name]));
      const people = await peopleByUnit(db, unitIds);
      for (const { unitId } of drafts) {
        const closesAt = Math.max(window.closesAt.getTime(), extended.get(unitId) ?? 0);
        const days = dueReminderStage(closesAt, now.getTime(), STAGES);
        if (days === undefined) continue;
        const deadline = deadlineText(formatVietnamTime(closesAt, true));
        for (const recipientId of people.get(unitId) ?? []) {
          found.push({
            kind: 'windowClosing',
            subject: `${window.periodId}/${unitId}/selfAssessment/${new Date(closesAt).toISOString()}`,
            recipientId,
            stage: `${days}d`,
            title: `Còn ${days} ngày đến hạn tự đánh giá: ${window.periodName}`,
            body: `${names.get(unitId) ?? unitId} chưa gửi kết quả tự đánh giá kỳ "${window.periodName}". Thời gian tự đánh giá kết thúc lúc ${deadline}; sau thời điểm đó hệ thống không nhận thêm điểm, tài liệu kiểm chứng hay việc gửi kết quả.`,
            link: `/ky-danh-gia/${window.periodId}/don-vi/${unitId}`,
          });
        }
      }
    }
    return found;
  },
};
