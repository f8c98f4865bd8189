import { dateInput, decimalInput } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { contextOf } from '../http/context.js';
import { buildResultsWorkbook } from '../spreadsheet/write-results.js';
import { correctEntry } from '../use-cases/results/correct-entry.js';
import { getResults } from '../use-cases/results/get-results.js';
import { issueErratum } from '../use-cases/results/issue-erratum.js';
import { previewErratum } from '../use-cases/results/preview-erratum.js';
import { publicationHeading } from '../use-cases/results/present-publication.js';

const periodId = z.object({ id: z.uuid('mã kỳ đánh giá không hợp lệ') });
const entryParams = z.object({
  periodId: z.uuid('mã kỳ đánh giá không hợp lệ'),
  unitId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ'),
  code: z.string().regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'mã tiêu chí không hợp lệ'),
});
const versionQuery = z.object({
  version: z.coerce.number().int().min(1, 'lần công bố bắt đầu từ 1').optional(),
});

export async function resultsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Kết quả'];

  api.get(
    '/periods/:id/results',
    {
      schema: {
        tags,
        summary:
          'Kết quả (sau công bố: mọi người, bản đang có hiệu lực hoặc một lần công bố trước; trước: xem trước theo quyền)',
        params: periodId,
        querystring: versionQuery,
      },
    },
    async (request) =>
      getResults(contextOf(request, deps), request.params.id, request.query.version),
  );

  api.get(
    '/periods/:id/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kết quả dạng Excel',
        params: periodId,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      const results = await getResults(
        contextOf(request, deps),
        request.params.id,
        request.query.version,
      );
      const buffer = await buildResultsWorkbook(
        results.groups,
        publicationHeading(results.publication),
      ).xlsx.writeBuffer();
      const suffix = results.publication?.erratum
        ? `-dinh-chinh-${results.publication.version}`
        : '';
      const fileName = `ket-qua-chi-so-cchc-${results.period.year}${suffix}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(buffer));
    },
  );

  api.get(
    '/periods/:id/errata/preview',
    {
      schema: {
        tags,
        summary:
          'Xem trước đính chính: những đơn vị có kết quả thay đổi so với bản đang có hiệu lực',
        params: periodId,
      },
    },
    async (request) => previewErratum(contextOf(request, deps), request.params.id),
  );

  api.post(
    '/periods/:id/errata',
    {
      schema: {
        tags,
        summary: 'Ban hành đính chính kết quả đã công bố (số, ngày quyết định và lý do)',
        params: periodId,
        body: z.object({
          decisionNumber: z.string().trim().min(1, 'nhập số quyết định').max(100),
          decisionDate: dateInput,
          reason: z.string().trim().min(1, 'nhập lý do đính chính').max(5000),
          changesFingerprint: z
            .string()
            .min(1, 'thiếu mã bản xem trước; hãy xem trước rồi ban hành'),
        }),
      },
    },
    async (request) => issueErratum(contextOf(request, deps), request.params.id, request.body),
  );

  api.put(
    '/periods/:periodId/units/:unitId/entries/:code/correction',
    {
      schema: {
        tags,
        summary: 'Sửa kết quả một tiêu chí sau công bố, để đính chính (kèm lý do)',
        params: entryParams,
        body: z.object({
          points: decimalInput.optional(),
          facts: z.record(z.string(), z.unknown()).optional(),
          outcome: z.enum(['accepted', 'missing']).optional(),
          reason: z.string().trim().min(1, 'nhập lý do sửa').max(5000),
          version: z.number().int().min(0),
        }),
      },
    },
    async (request) => correctEntry(contextOf(request, deps), request.params, request.body),
  );
}
