import { formatVietnamTime, type Framework } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listPeriodEntries, type EntryRow } from '../../repositories/entries.js';
import { frameworksOfPeriod, loadFramework } from '../../repositories/frameworks.js';
import {
  listOpenPeriodWindows,
  listParticipationsAt,
} from '../../repositories/reminder-sources.js';
import { findUnits, type UnitRow } from '../../repositories/units.js';
import { isDisputed } from '../../use-cases/assessment/appraisal-outcome.js';
import { deadlineText, type DueReminder, type ReminderSource } from '../source.js';
import { peopleByUnit } from './people.js';

/** Per unit of the period, the leaves whose appraised outcome differs from its own. */
async function disputedLeaves(db: Db, periodId: string, unitIds: readonly string[]) {
  const units = await findUnits(db, unitIds);
  const links = await frameworksOfPeriod(db, periodId);
  const frameworks = new Map<string, Framework | undefined>();
  for (const link of links)
    frameworks.set(link.unitType, (await loadFramework(db, link.frameworkId))?.framework);
  const disputed = disputedByUnit(await listPeriodEntries(db, periodId), units, frameworks);
  return { disputed, names: new Map(units.map((u) => [u.id, u.name])) };
}

/**
 * The disputed leaves of `units` (the appraised ones) from all the period's entries, in one
 * pass: an entry's unit is looked up, never searched for in the list of units.
 */
export function disputedByUnit(
  entries: readonly EntryRow[],
  units: readonly Pick<UnitRow, 'id' | 'type'>[],
  frameworks: ReadonlyMap<string, Framework | undefined>,
): Map<string, string[]> {
  const typeOf = new Map(units.map((u) => [u.id, u.type]));
  const disputed = new Map<string, string[]>();
  for (const entry of entries) {
    const type = typeOf.get(entry.unitId);
    const framework = type === undefined ? undefined : frameworks.get(type);
    const node = framework?.byCode.get(entry.code);
    if (!framework || !node) continue;
    if (!isDisputed(node, entry, framework.pointsDecimals)) continue;
    const codes = disputed.get(entry.unitId);
    if (codes === undefined) disputed.set(entry.unitId, [entry.code]);
    else codes.push(entry.code);
  }
  return disputed;
}

/**
 * The explanation round (giải trình) open: the officers and heads of each unit that has leaves
 * to explain, once per round.
 */
export const explanationOpenedSource: ReminderSource = {
  kind: 'explanationOpened',
  async due(db, now) {
    const found: DueReminder[] = [];
    for (const window of await listOpenPeriodWindows(db, 'explanation')) {
      if (now < window.opensAt || now >= window.closesAt) continue;
      const appraised = (await listParticipationsAt(db, window.periodId, 'appraised')).map(
        (p) => p.unitId,
      );
      if (appraised.length === 0) continue;
      const { disputed, names } = await disputedLeaves(db, window.periodId, appraised);
      const people = await peopleByUnit(db, [...disputed.keys()]);
      const deadline = deadlineText(formatVietnamTime(window.closesAt.getTime(), true));
      for (const [unitId, codes] of disputed) {
        for (const recipientId of people.get(unitId) ?? []) {
          found.push({
            kind: 'explanationOpened',
            subject: `${window.periodId}/${unitId}/explanation/${window.opensAt.toISOString()}`,
            recipientId,
            stage: 'opened',
            title: `Mở vòng giải trình: ${window.periodName}`,
            body: `${names.get(unitId) ?? unitId} có ${codes.length} tiêu chí có kết quả thẩm định khác kết quả tự đánh giá, có thể giải trình: ${codes.sort().join(', ')}. Thời gian giải trình kết thúc lúc ${deadline}.`,
            link: `/ky-danh-gia/${window.periodId}/don-vi/${unitId}`,
          });
        }
      }
    }
    return found;
  },
};
