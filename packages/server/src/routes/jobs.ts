import { jobParams, jobResponse, jobsQuery, jobsResponse, scanNowResponse } from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { listJobs } from '../use-cases/jobs/list-jobs.js';
import { retryJob } from '../use-cases/jobs/retry-job.js';
import { scanRemindersNow } from '../use-cases/jobs/scan-reminders-now.js';

const tags = ['Công việc nền'];

export async function jobRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'Công việc nền gần đây và công việc thất bại (quản trị)',
        querystring: jobsQuery,
        response: responds({ 200: jobsResponse }),
      },
    },
    async (request) =>
      listJobs(contextOf(request, deps), {
        failedOnly: request.query.failed === 'true',
        limit: request.query.limit,
      }),
  );

  api.post(
    '/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Chạy lại một công việc thất bại (quản trị)',
        params: jobParams,
        response: responds({ 200: jobResponse }),
      },
    },
    async (request) => retryJob(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/jobs/reminders-scan',
    {
      schema: {
        tags,
        summary: 'Rà soát nhắc việc ngay (quản trị)',
        response: responds({ 201: scanNowResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await scanRemindersNow(contextOf(request, deps))),
  );
}
