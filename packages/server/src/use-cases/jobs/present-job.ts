import { JOB_LABELS } from '../../jobs/catalogue.js';
import type { JobView } from '../../jobs/queue.js';

export function presentJob(job: JobView) {
  return { ...job, label: JOB_LABELS[job.name] ?? job.name };
}
