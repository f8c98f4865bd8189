import { councilDecisionQuery, periodIdParams } from '@chiso/contract';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { download, DOCX_TYPE, responds, type ContractTypeProvider } from '../http/contract.js';
import { contextOf } from '../http/context.js';
import { getCouncilDecision } from '../use-cases/results/get-council-decision.js';

/** Left for the clerk to fill in when the query does not give it. */
const BLANK = '……………';

/** The documents of a period's whole cycle, in the Nghị định 30/2020 layout. */
export async function cycleDocumentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ContractTypeProvider>();

  api.get(
    '/periods/:id/council-decision.docx',
    {
      schema: {
        tags: ['Kết quả'],
        summary:
          'Tải quyết định phê duyệt và công bố Chỉ số CCHC dạng Word, kèm phụ lục kết quả (dự thảo khi mới thông qua)',
        params: periodIdParams,
        querystring: councilDecisionQuery,
        response: responds({ 200: download(DOCX_TYPE) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const decision = await getCouncilDecision(ctx, request.params.id, {
        issuer: request.query.issuer,
        signerName: request.query.signerName,
        parentAuthority: request.query.parentAuthority,
        place: request.query.place,
      });
      // docx (and the document's modules) load with the first document asked for (0052).
      const { councilDecisionBytes } = await import('../documents/council-decision-document.js');
      const bytes = await councilDecisionBytes(decision.view, {
        parentAuthority: decision.parentAuthority,
        place: decision.place ?? BLANK,
      });
      return reply
        .header('content-type', DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="quyet-dinh-cong-bo-chi-so-cchc-${decision.year}.docx"`,
        )
        .send(bytes);
    },
  );
}
