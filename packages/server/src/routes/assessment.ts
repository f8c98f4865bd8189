import {
  appraiseEntryBody,
  assessmentResponse,
  entryParams,
  evidenceParams,
  finaliseResponse,
  historyResponse,
  linkEvidenceBody,
  okResponse,
  periodUnitParams,
  respondExplanationBody,
  saveSelfEntryBody,
  storedEntryResponse,
  uploadEvidenceResponse,
} from '@chiso/contract';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, multipart, OK, responds, type ContractTypeProvider } from '../http/contract.js';
import { sendCachedJson } from '../http/cached-json.js';
import { contextOf } from '../http/context.js';
import { appraiseEntry } from '../use-cases/assessment/appraise-entry.js';
import { linkEvidence, openEvidence, uploadEvidence } from '../use-cases/assessment/evidence.js';
import { finaliseAppraisal } from '../use-cases/assessment/finalise-appraisal.js';
import { cachedAssessment } from '../use-cases/assessment/cached-assessment.js';
import { getAssessment } from '../use-cases/assessment/get-assessment.js';
import { respondExplanation } from '../use-cases/assessment/respond-explanation.js';
import { saveSelfEntry } from '../use-cases/assessment/save-self-entry.js';
import { presentStoredEntry } from '../use-cases/assessment/stored-entry.js';
import { submitAssessment } from '../use-cases/assessment/submit-assessment.js';
import { leafHistory } from '../use-cases/audit/read-history.js';

const base = '/periods/:periodId/units/:unitId';

export async function assessmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();
  const tags = ['Tự đánh giá'];

  api.get(
    `${base}/assessment`,
    {
      schema: {
        tags,
        summary: 'Hồ sơ tự đánh giá của đơn vị',
        params: periodUnitParams,
        response: responds({ 200: assessmentResponse }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (!deps.config.assessmentCache) return getAssessment(ctx, request.params);
      const { entry } = await cachedAssessment(ctx, request.params, request.auth?.snapshot);
      return sendCachedJson(request, reply, entry);
    },
  );

  api.put(
    `${base}/entries/:code`,
    {
      schema: {
        tags,
        summary: 'Lưu tự đánh giá một tiêu chí (số liệu hoặc điểm, giải trình)',
        params: entryParams,
        body: saveSelfEntryBody,
        response: responds({ 200: storedEntryResponse }),
      },
    },
    async (request) =>
      presentStoredEntry(
        await saveSelfEntry(contextOf(request, deps), request.params, request.body),
      ),
  );

  api.put(
    `${base}/entries/:code/evidence`,
    {
      schema: {
        tags,
        summary: 'Gắn (hoặc gỡ) tài liệu kiểm chứng vào tiêu chí, kèm trang/mục',
        params: entryParams,
        body: linkEvidenceBody,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await linkEvidence(contextOf(request, deps), request.params, request.body);
      return OK;
    },
  );

  api.post(
    `${base}/evidence`,
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng (PDF, Word, Excel, ảnh)',
        params: periodUnitParams,
        ...multipart(),
        response: responds({ 200: uploadEvidenceResponse, 201: uploadEvidenceResponse }),
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
    {
      schema: {
        tags,
        summary: 'Thủ trưởng gửi kết quả tự đánh giá',
        params: periodUnitParams,
        response: responds({ 200: okResponse }),
      },
    },
    async (request) => {
      await submitAssessment(contextOf(request, deps), request.params);
      return OK;
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
        body: appraiseEntryBody,
        response: responds({ 200: storedEntryResponse }),
      },
    },
    async (request) =>
      presentStoredEntry(
        await appraiseEntry(contextOf(request, deps), request.params, request.body),
      ),
  );

  api.post(
    `${base}/finalise`,
    {
      schema: {
        tags: ['Thẩm định'],
        summary: 'Chốt vòng thẩm định của đơn vị',
        params: periodUnitParams,
        response: responds({ 200: finaliseResponse }),
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
        body: respondExplanationBody,
        response: responds({ 200: storedEntryResponse }),
      },
    },
    async (request) =>
      presentStoredEntry(
        await respondExplanation(contextOf(request, deps), request.params, request.body),
      ),
  );

  api.get(
    `${base}/entries/:code/history`,
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Lịch sử thay đổi của một tiêu chí',
        params: entryParams,
        response: responds({ 200: historyResponse }),
      },
    },
    async (request) => leafHistory(contextOf(request, deps), request.params),
  );

  api.get(
    '/evidence/:id',
    {
      // Sent byte for byte as stored: its hash and length stay the file's (and most are zips or PDFs).
      compress: false,
      schema: {
        tags,
        summary: 'Tải tài liệu kiểm chứng',
        params: evidenceParams,
        response: responds({ 200: download() }),
      },
    },
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
