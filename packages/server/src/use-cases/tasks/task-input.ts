import { DomainError, ERROR_CODES, type Issue } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { loadFramework } from '../../repositories/frameworks.js';
import { listOffices, type OfficeRow } from '../../repositories/offices.js';
import { listUnits } from '../../repositories/units.js';
import { reportStats, type TaskRow } from '../../repositories/tasks.js';
import type { TaskNames } from './present-task.js';

/** What a task says, as a person writes it (create, update, dispatch). */
export interface TaskFields {
  title?: string | undefined;
  description?: string | null | undefined;
  authority?: string | null | undefined;
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
  leadOfficeId?: string | null | undefined;
  supportingOfficeIds?: string[] | undefined;
  frameworkId?: string | null | undefined;
  codes?: string[] | undefined;
  deadline?: string | undefined;
  target?: string | null | undefined;
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

/**
 * Checks a task's fields against its unit: offices active in the unit, leaves of a framework
 * of the unit's type; every problem named by its field. Returns the columns to write.
 */
export async function checkTaskFields(
  db: Db,
  unit: { id: string; type: string },
  fields: TaskFields,
  current?: TaskRow,
  officeRows?: OfficeRow[],
) {
  const issues: Issue[] = [];
  const offices = new Map((officeRows ?? (await listOffices(db, unit.id))).map((o) => [o.id, o]));
  const checkOffice = (id: string, path: string) => {
    const office = offices.get(id);
    if (!office) issues.push({ path, message: 'không phải là phòng, ban của đơn vị' });
    else if (!office.active && !(current && currentOffices(current).has(id)))
      issues.push({ path, message: `"${office.name}" đã ngừng, không giao thêm nhiệm vụ được` });
  };
  if (fields.leadOfficeId) checkOffice(fields.leadOfficeId, 'leadOfficeId');
  const lead = fields.leadOfficeId === undefined ? current?.leadOfficeId : fields.leadOfficeId;
  const supporting = fields.supportingOfficeIds?.filter((id, i, all) => all.indexOf(id) === i);
  supporting?.forEach((id, i) => checkOffice(id, `supportingOfficeIds.${i}`));
  const frameworkId =
    fields.frameworkId === undefined ? (current?.frameworkId ?? null) : fields.frameworkId;
  const codes = fields.codes ?? (current?.codes as string[] | undefined) ?? [];
  if (codes.length > 0 || frameworkId !== null) {
    const stored = frameworkId === null ? undefined : await loadFramework(db, frameworkId);
    if (!stored) {
      issues.push({ path: 'frameworkId', message: 'cần chọn bộ tiêu chí của các tiêu chí lá' });
    } else if (stored.row.unitType !== unit.type) {
      issues.push({ path: 'frameworkId', message: 'bộ tiêu chí không dành cho loại đơn vị này' });
    } else {
      codes.forEach((code, i) => {
        const node = stored.framework.byCode.get(code);
        if (!node || node.children.length > 0)
          issues.push({ path: `codes.${i}`, message: `bộ tiêu chí không có tiêu chí lá ${code}` });
      });
    }
  }
  const documentNumber = blankToNull(fields.documentNumber);
  if (documentNumber === null && fields.documentDate)
    issues.push({ path: 'documentNumber', message: 'có ngày văn bản thì cần ghi số, ký hiệu' });
  if (issues.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thông tin nhiệm vụ chưa hợp lệ', issues);
  }
  return {
    ...(fields.title === undefined ? {} : { title: fields.title.trim() }),
    ...(fields.description === undefined ? {} : { description: blankToNull(fields.description) }),
    ...(fields.authority === undefined ? {} : { authority: blankToNull(fields.authority) }),
    ...(documentNumber === undefined ? {} : { documentNumber }),
    ...(fields.documentDate === undefined ? {} : { documentDate: fields.documentDate }),
    ...(fields.leadOfficeId === undefined ? {} : { leadOfficeId: fields.leadOfficeId }),
    ...(supporting === undefined
      ? {}
      : { supportingOfficeIds: supporting.filter((id) => id !== lead) }),
    ...(fields.frameworkId === undefined ? {} : { frameworkId: fields.frameworkId }),
    ...(fields.codes === undefined ? {} : { codes: [...new Set(fields.codes)] }),
    ...(fields.deadline === undefined ? {} : { deadline: fields.deadline }),
    ...(fields.target === undefined ? {} : { target: blankToNull(fields.target) }),
  };
}

function currentOffices(row: TaskRow): Set<string> {
  const ids = new Set(row.supportingOfficeIds as string[]);
  if (row.leadOfficeId !== null) ids.add(row.leadOfficeId);
  return ids;
}

/** Names of units and offices, and report figures, for presenting tasks. */
export async function loadNames(
  db: Db,
  unitIds: readonly string[],
  taskIds: readonly string[],
): Promise<TaskNames> {
  const units = await listUnits(db);
  const wanted = new Set(unitIds);
  const officeNames = new Map<string, string>();
  for (const unitId of wanted) {
    for (const office of await listOffices(db, unitId)) officeNames.set(office.id, office.name);
  }
  return {
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    officeNames,
    stats: await reportStats(db, taskIds),
  };
}
