import { periodUnitParams, unitDocumentQuery } from '@chiso/contract';
import { formatDocumentDate, vietnamDate } from '@chiso/core';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, DOCX_TYPE, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { getAppraisalRecord } from '../use-cases/assessment/get-appraisal-record.js';
import { getSelfAssessmentReport } from '../use-cases/assessment/get-self-assessment-report.js';

const base = '/periods/:periodId/units/:unitId';
/** Left for the clerk to fill in when the query does not give it. */
const BLANK = '……………';

/** The documents of one unit's assessment, in the Nghị định 30/2020 layout. */
export async function documentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    `${base}/appraisal-record.docx`,
    {
      schema: {
        tags: ['Thẩm định'],
        summary: 'Tải biên bản thẩm định của đơn vị dạng Word (thể thức Nghị định 30/2020)',
        params: periodUnitParams,
        querystring: unitDocumentQuery,
        response: responds({ 200: download(DOCX_TYPE) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const record = await getAppraisalRecord(ctx, request.params);
      // docx (and the document's modules) load with the first document asked for (0052).
      const [{ appraisalRecordDocument }, { documentBytes }] = await Promise.all([
        import('../documents/appraisal-record-document.js'),
        import('../documents/official-document.js'),
      ]);
      const document = appraisalRecordDocument(record.view, {
        parentAuthority: request.query.parentAuthority,
        issuer: request.query.issuer ?? 'Tổ thẩm định Chỉ số CCHC',
        place: request.query.place ?? BLANK,
        date: vietnamDate(ctx.now.getTime()),
      });
      return reply
        .header('content-type', DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="bien-ban-tham-dinh-${record.unitId}-${record.year}.docx"`,
        )
        .send(await documentBytes(document));
    },
  );

  api.get(
    `${base}/self-assessment-report.docx`,
    {
      schema: {
        tags: ['Tự đánh giá'],
        summary:
          'Tải báo cáo kết quả tự đánh giá của đơn vị dạng Word (dự thảo trước khi gửi, chỉ phần của đơn vị)',
        params: periodUnitParams,
        querystring: unitDocumentQuery,
        response: responds({ 200: download(DOCX_TYPE) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const report = await getSelfAssessmentReport(ctx, request.params);
      // docx (and the document's modules) load with the first document asked for (0052).
      const [{ selfAssessmentReportDocument }, { documentBytes }] = await Promise.all([
        import('../documents/self-assessment-report-document.js'),
        import('../documents/official-document.js'),
      ]);
      const document = selfAssessmentReportDocument(report.view, {
        parentAuthority: request.query.parentAuthority,
        issuer: request.query.issuer ?? report.unitName,
        place: request.query.place ?? BLANK,
        dateText: formatDocumentDate(report.date),
      });
      return reply
        .header('content-type', DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="bao-cao-tu-danh-gia-${report.unitId}-${report.year}.docx"`,
        )
        .send(await documentBytes(document));
    },
  );
}
