import { dateInput, TASK_STATUSES } from '@chiso/core';
import { z } from 'zod';
import { evidenceResponse, historyRowResponse } from './assessment.js';
import { isoDate, isoDateTime, leafCodeText, unitIdText, uuidOf, versionInput } from './common.js';

// Tasks (nhiệm vụ) given to a unit and its offices, their reports and evidence (issue 10,
// decision 0018).

export const unitTasksParams = z.object({ unitId: unitIdText });
export const taskParams = unitTasksParams.extend({ taskId: uuidOf('nhiệm vụ') });
export const taskEvidenceParams = taskParams.extend({ evidenceId: uuidOf('tài liệu') });

const yesNo = z
  .enum(['true', 'false'], 'chỉ nhận "true" hoặc "false"')
  .transform((value) => value === 'true');

export const tasksQuery = z.object({
  officeId: uuidOf('phòng, ban').optional(),
  status: z.enum(TASK_STATUSES, 'trạng thái nhiệm vụ không hợp lệ').optional(),
  code: leafCodeText.optional(),
  /** Only tasks late (overdue, or done late). */
  late: yesNo.optional(),
});

const title = z.string().trim().min(1, 'tên nhiệm vụ không được để trống').max(1000);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const officeIds = z.array(uuidOf('phòng, ban')).max(50);

export const createTaskBody = z.object({
  title,
  description: optionalText(5000),
  authority: optionalText(300),
  documentNumber: optionalText(100),
  documentDate: dateInput.nullable().optional(),
  leadOfficeId: uuidOf('phòng, ban').nullable(),
  supportingOfficeIds: officeIds.default([]),
  frameworkId: uuidOf('bộ tiêu chí').nullable().optional(),
  codes: z.array(leafCodeText).max(100).default([]),
  deadline: dateInput,
  target: optionalText(500),
});

export const updateTaskBody = createTaskBody.partial().extend({
  version: versionInput(1),
});

export const taskVersionBody = z.object({ version: versionInput(1) });

export const taskReportBody = z.object({
  text: z.string().trim().min(1, 'nội dung báo cáo không được để trống').max(5000),
  percent: z.number().int().min(0, 'từ 0 đến 100').max(100, 'từ 0 đến 100').nullable().optional(),
  /** Files uploaded to the task and not yet in a report. */
  evidenceIds: z.array(uuidOf('tài liệu')).max(50).default([]),
});

const officeRef = z.strictObject({ id: z.uuid(), name: z.string() });

export const taskResponse = z.strictObject({
  id: z.uuid(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  authority: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: isoDate.nullable(),
  /** "1138/UBND-NC ngày 08/06/2023", or null. */
  documentText: z.string().nullable(),
  leadOffice: officeRef.nullable(),
  supportingOffices: z.array(officeRef),
  frameworkId: z.uuid().nullable(),
  codes: z.array(z.string()),
  deadline: isoDate,
  startedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  target: z.string().nullable(),
  origin: z.enum(['manual', 'dispatch', 'plan']),
  dispatchId: z.uuid().nullable(),
  status: z.enum(TASK_STATUSES),
  statusLabel: z.string(),
  /** "còn 5 ngày", "quá hạn 3 ngày", "hoàn thành trễ 2 ngày". */
  daysLabel: z.string(),
  /** Days left (≥ 0) or late (< 0) while open; null once completed. */
  daysLeft: z.number().int().nullable(),
  latestPercent: z.number().int().nullable(),
  reportCount: z.number().int(),
  version: z.number().int(),
});

const countsResponse = z.strictObject({
  total: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
});

const lateCountResponse = z.strictObject({
  officeId: z.uuid().nullable(),
  officeName: z.string(),
  count: z.number().int(),
});

export const tasksResponse = z.strictObject({
  unit: z.strictObject({ id: z.string(), name: z.string() }),
  /** The office an office's staff sees the tasks of; null for the unit's officer and head. */
  office: officeRef.nullable(),
  tasks: z.array(taskResponse),
  counts: countsResponse,
  lateByOffice: z.array(lateCountResponse),
  /** Seed 000's sentence: "17 nội dung công việc quá hạn (Phòng …: 08; …)". */
  lateSentence: z.string(),
});

export const taskReportResponse = z.strictObject({
  id: z.uuid(),
  text: z.string(),
  percent: z.number().int().nullable(),
  author: z.string(),
  office: officeRef.nullable(),
  at: isoDateTime,
  evidence: z.array(evidenceResponse),
});

export const taskDetailResponse = z.strictObject({
  task: taskResponse,
  reports: z.array(taskReportResponse),
  /** Files uploaded and not yet in a report, to attach to the next one. */
  pendingEvidence: z.array(evidenceResponse),
  history: z.array(historyRowResponse),
  /** What the reader may do with it. */
  canEdit: z.boolean(),
  canReport: z.boolean(),
});

export const uploadTaskEvidenceResponse = z.strictObject({
  evidence: evidenceResponse,
  duplicate: z.boolean(),
});

export const calendarQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'tháng dạng yyyy-mm, ví dụ 2023-06'),
});

export const calendarResponse = z.strictObject({
  month: z.string(),
  from: isoDate,
  to: isoDate,
  tasks: z.array(taskResponse),
});

export const tasksOverviewResponse = z.strictObject({
  units: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      unitType: z.string(),
      counts: countsResponse,
      lateSentence: z.string(),
    }),
  ),
  counts: countsResponse,
});

const assignment = z.object({
  unitId: unitIdText,
  leadOfficeId: uuidOf('phòng, ban').nullable().optional(),
  supportingOfficeIds: officeIds.default([]),
});

export const dispatchBody = z.object({
  authority: z.string().trim().min(1, 'cần ghi cơ quan giao nhiệm vụ').max(300),
  documentNumber: optionalText(100),
  documentDate: dateInput.nullable().optional(),
  tasks: z
    .array(
      z.object({
        title,
        description: optionalText(5000),
        target: optionalText(500),
        deadline: dateInput,
        codes: z.array(leafCodeText).max(100).default([]),
        assignments: z.array(assignment).min(1, 'cần ít nhất một đơn vị thực hiện').max(5000),
      }),
    )
    .min(1, 'cần ít nhất một nhiệm vụ')
    .max(2000),
});

export const dispatchImportQuery = z.object({
  authority: z.string().trim().min(1, 'cần ghi cơ quan giao nhiệm vụ').max(300),
  preview: z.enum(['true', 'false']).default('false'),
});

/** A dispatch's answer; also the `result` of a taskDispatch import job (decision 0043). */
export const dispatchResponse = z.strictObject({
  /** Null for a preview: nothing stored. */
  dispatchId: z.uuid().nullable(),
  preview: z.boolean(),
  tasks: z.array(
    z.strictObject({
      id: z.uuid().nullable(),
      /** The sheet row it came from, for an import. */
      row: z.number().int().nullable(),
      unitId: z.string(),
      unitName: z.string(),
      title: z.string(),
      deadline: isoDate,
      leadOffice: z.string().nullable(),
      supportingOffices: z.array(z.string()),
      documentText: z.string().nullable(),
    }),
  ),
});

export type Task = z.output<typeof taskResponse>;
export type TasksList = z.output<typeof tasksResponse>;
export type TaskDetail = z.output<typeof taskDetailResponse>;
export type TaskReport = z.output<typeof taskReportResponse>;
export type TasksOverview = z.output<typeof tasksOverviewResponse>;
export type TaskCalendar = z.output<typeof calendarResponse>;
export type DispatchResult = z.output<typeof dispatchResponse>;
export type CreateTaskBody = z.input<typeof createTaskBody>;
export type UpdateTaskBody = z.input<typeof updateTaskBody>;
export type TaskReportBody = z.input<typeof taskReportBody>;
export type DispatchBody = z.input<typeof dispatchBody>;
