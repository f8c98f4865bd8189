import { decimalInput } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { appraiseEntry } from '../use-cases/assessment/appraise-entry.js';
import { linkEvidence, openEvidence, uploadEvidence } from '../use-cases/assessment/evidence.js';
import { finaliseAppraisal } from '../use-cases/assessment/finalise-appraisal.js';
import { getAssessment } from '../use-cases/assessment/get-assessment.js';
import { respondExplanation } from '../use-cases/assessment/respond-explanation.js';
import { saveSelfEntry } from '../use-cases/assessment/save-self-entry.js';
import { submitAssessment } from '../use-cases/assessment/submit-assessment.js';
import { leafHistory } from '../use-cases/audit/read-history.js';
import { vietnamTime } from '../use-cases/periods/window-input.js';
import { DomainError, ERROR_CODES } from '@chiso/core';

const unitParams = z.object({
  periodId: z.uuid('mã kỳ đánh giá không hợp lệ'),
  unitId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ'),
});
const entryParams = unitParams.extend({
  code: z.string().regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'mã tiêu chí không hợp lệ'),
});
const version = z.number().int().min(0);
const base = '/periods/:periodId/units/:unitId';

export async function assessmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tự đánh giá'];

  api.get(
    `${base}/assessment`,
    { schema: { tags, summary: 'Hồ sơ tự đánh giá của đơn vị', params: unitParams } },
    async (request) => getAssessment(contextOf(request, deps), request.params),
  );

  api.put(
    `${base}/entries/:code`,
    {
      schema: {
        tags,
        summary: 'Lưu tự đánh giá một tiêu chí (số liệu hoặc điểm, giải trình)',
        params: entryParams,
        body: z.object({
          facts: z.record(z.string(), z.unknown()).nullable().optional(),
          points: decimalInput.optional(),
          explanation: z.string().max(10_000).nullable().optional(),
          version,
        }),
      },
    },
    async (request) => saveSelfEntry(contextOf(request, deps), request.params, request.body),
  );

  api.put(
    `${base}/entries/:code/evidence`,
    {
      schema: {
        tags,
        summary: 'Gắn (hoặc gỡ) tài liệu kiểm chứng vào tiêu chí, kèm trang/mục',
        params: entryParams,
        body: z.object({
          evidenceId: z.uuid(),
          pageRef: z.string().max(500).nullable().optional(),
          remove: z.boolean().optional(),
        }),
      },
    },
    async (request) => {
      await linkEvidence(contextOf(request, deps), request.params, request.body);
      return { ok: true };
    },
  );

  api.post(
    `${base}/evidence`,
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng (PDF, Word, Excel, ảnh)',
        params: unitParams,
      },
    },
    async (request, reply) => {
      const file = await request.file();
      if (!file)
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Chưa chọn tệp (trường "file")');
      try {
        const result = await uploadEvidence(contextOf(request, deps), request.params, {
          stream: file.file,
          fileName: file.filename,
        });
        return await reply.status(result.duplicate ? 200 : 201).send(result);
      } finally {
        file.file.resume();
      }
    },
  );

  api.post(
    `${base}/submit`,
    { schema: { tags, summary: 'Thủ trưởng gửi kết quả tự đánh giá', params: unitParams } },
    async (request) => {
      await submitAssessment(contextOf(request, deps), request.params);
      return { ok: true };
    },
  );

  api.put(
    `${base}/entries/:code/appraisal`,
    {
      schema: {
        tags: ['Thẩm định'],
        summary:
          'Thẩm định một tiêu chí: kết quả (chấp nhận, sửa số liệu, chấm điểm, không tính điểm), lý do, yêu cầu bổ sung',
        params: entryParams,
        body: z.object({
          points: decimalInput.optional(),
          facts: z.record(z.string(), z.unknown()).optional(),
          outcome: z.enum(['accepted', 'missing']).optional(),
          comment: z.string().max(10_000).nullable().optional(),
          supplementDeadline: vietnamTime.nullable().optional(),
          supplementNote: z.string().max(5000).nullable().optional(),
          version,
        }),
      },
    },
    async (request) => appraiseEntry(contextOf(request, deps), request.params, request.body),
  );

  api.post(
    `${base}/finalise`,
    {
      schema: {
        tags: ['Thẩm định'],
        summary: 'Chốt vòng thẩm định của đơn vị',
        params: unitParams,
      },
    },
    async (request) => finaliseAppraisal(contextOf(request, deps), request.params),
  );

  api.put(
    `${base}/entries/:code/response`,
    {
      schema: {
        tags: ['Giải trình'],
        summary: 'Giải trình điểm thẩm định của một tiêu chí',
        params: entryParams,
        body: z.object({
          response: z.string().trim().min(1, 'nhập nội dung giải trình').max(10_000),
          version,
        }),
      },
    },
    async (request) => respondExplanation(contextOf(request, deps), request.params, request.body),
  );

  api.get(
    `${base}/entries/:code/history`,
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Lịch sử thay đổi của một tiêu chí',
        params: entryParams,
      },
    },
    async (request) => leafHistory(contextOf(request, deps), request.params),
  );

  api.get(
    '/evidence/:id',
    { schema: { tags, summary: 'Tải tài liệu kiểm chứng', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const { row, stream } = await openEvidence(contextOf(request, deps), request.params.id);
      const inline = row.mediaType === 'application/pdf' || row.mediaType.startsWith('image/');
      return reply
        .header('content-type', row.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        )
        .send(stream);
    },
  );
}
