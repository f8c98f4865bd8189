import { scanRemindersJob, SCAN_EVERY_MINUTES } from '../reminders/scan-reminders.js';
import { sendReminderJob } from '../reminders/send-reminder.js';
import { resumeImportJob } from '../use-cases/imports/resume-import.js';
import { runImportJob } from '../use-cases/imports/run-import.js';
import { sweepImportsJob, SWEEP_EVERY_MINUTES } from '../use-cases/imports/sweep-lapsed-imports.js';
import type { JobDefinition } from './job.js';
import type { RecurringJob } from './queue.js';
import { JobRegistry } from './registry.js';

/** Every job of the server; a new one is declared with defineJob and listed here. */
export const JOBS: readonly JobDefinition[] = [
  scanRemindersJob,
  sendReminderJob,
  runImportJob,
  resumeImportJob,
  sweepImportsJob,
] as JobDefinition[];

/** The jobs that run on a schedule. */
export const RECURRING: readonly RecurringJob[] = [
  { name: scanRemindersJob.name, everyMinutes: SCAN_EVERY_MINUTES },
  { name: sweepImportsJob.name, everyMinutes: SWEEP_EVERY_MINUTES, postgresOnly: true },
];

export const jobRegistry = () => new JobRegistry(JOBS);

/** Vietnamese names of the jobs, for the administrator's screen. */
export const JOB_LABELS: Record<string, string> = {
  [scanRemindersJob.name]: 'Rà soát nhắc việc',
  [sendReminderJob.name]: 'Gửi nhắc việc',
  [runImportJob.name]: 'Nhập tệp',
  [resumeImportJob.name]: 'Ghi tiếp lượt nhập đã kiểm tra',
  [sweepImportsJob.name]: 'Kết thúc lượt nhập của máy chủ đã dừng',
};
