import {
  periodIdParams,
  reportDocumentQuery,
  reportResponse,
  saveReportBody,
} from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import {
  download,
  DOCX_TYPE,
  responds,
  XLSX_TYPE,
  type ContractTypeProvider,
} from '../http/contract.js';
import { contextOf } from '../http/context.js';
import {
  exportReport,
  type ExportedReport,
  type ReportFile,
} from '../use-cases/reports/export-report.js';
import { getReport } from '../use-cases/reports/get-report.js';
import { saveReport } from '../use-cases/reports/save-report.js';

const tags = ['Báo cáo kết quả'];

/** An ASCII name for old clients and the Vietnamese one by RFC 5987. */
const disposition = (file: ExportedReport) =>
  `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.displayName)}`;

/** The period's results report (seed 001): the secretariat's text, the Word document, its appendix. */
export async function reportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/periods/:id/report',
    {
      schema: {
        tags,
        summary: 'Nội dung báo cáo kết quả đã nhập, các khối, lĩnh vực và bản xem trước',
        params: periodIdParams,
        response: responds({ 200: reportResponse }),
      },
    },
    async (request) => getReport(contextOf(request, deps), request.params.id),
  );

  api.put(
    '/periods/:id/report',
    {
      schema: {
        tags,
        summary: 'Lưu nội dung báo cáo kết quả (cơ quan ban hành, số, phần nhận xét…)',
        params: periodIdParams,
        body: saveReportBody,
        response: responds({ 200: reportResponse }),
      },
    },
    async (request) => saveReport(contextOf(request, deps), request.params.id, request.body),
  );

  const files: [
    path: string,
    summary: string,
    type: string,
    file: (appendix?: string) => ReportFile,
  ][] = [
    [
      'report.docx',
      'Tải báo cáo kết quả dạng Word (thể thức Nghị định 30/2020); appendix=0 bỏ phụ lục',
      DOCX_TYPE,
      (appendix) => (appendix === '0' ? 'report-without-appendix' : 'report'),
    ],
    [
      'report-appendix.docx',
      'Tải riêng phụ lục của báo cáo kết quả dạng Word',
      DOCX_TYPE,
      () => 'appendix-docx',
    ],
    [
      'report-appendix.xlsx',
      'Tải phụ lục của báo cáo kết quả dạng Excel',
      XLSX_TYPE,
      () => 'appendix-xlsx',
    ],
  ];
  for (const [path, summary, type, file] of files) {
    api.get(
      `/periods/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: periodIdParams,
          querystring: reportDocumentQuery,
          response: responds({ 200: download(type) }),
        },
      },
      async (request, reply) => {
        const exported = await exportReport(
          contextOf(request, deps),
          request.params.id,
          file(request.query.appendix),
        );
        return reply
          .header('content-type', exported.mediaType)
          .header('content-disposition', disposition(exported))
          .send(exported.bytes);
      },
    );
  }
}
