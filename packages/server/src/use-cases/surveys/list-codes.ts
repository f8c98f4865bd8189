import { formatDate } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findSurvey, listCodes } from '../../repositories/surveys.js';
import type { PlainSheet } from '../../spreadsheet/write-sheets.js';
import { presentCode, type CodeView } from './issue-codes.js';
import { surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

export interface CodeFilterInput {
  unitId?: string | undefined;
  /** false: the people who have not answered yet (for reminders). */
  answered?: boolean | undefined;
}

/** The codes issued, with who holds them and whether (on which day) they were used. */
export async function listSurveyCodes(
  ctx: UseCaseContext,
  surveyId: string,
  filter: CodeFilterInput,
): Promise<{ codes: CodeView[] }> {
  await authorizeIn(ctx, 'administer', { surveyId });
  const survey = await findSurvey(ctx.deps.db, surveyId);
  if (!survey) throw surveyNotFound();
  const rows = await listCodes(ctx.deps.db, survey.id, filter);
  return { codes: rows.map(presentCode) };
}

/**
 * The printable list of codes: each with its unit, the person, and the address where it is
 * answered (`origin` is the address the administrator reached the server by).
 */
export async function codesWorkbook(
  ctx: UseCaseContext,
  surveyId: string,
  filter: CodeFilterInput,
  origin: string,
): Promise<{ fileName: string; sheets: PlainSheet[] }> {
  const { codes } = await listSurveyCodes(ctx, surveyId, filter);
  const rows = codes.map((code, i) => [
    i + 1,
    code.code,
    code.unitId,
    code.unitName,
    code.respondentName,
    code.respondentInfo,
    `${origin}/phieu/${code.code}`,
    code.answeredOn === null ? null : formatDate(code.answeredOn),
  ]);
  return {
    fileName: `ma-khao-sat${filter.unitId ? `-${filter.unitId}` : ''}.xlsx`,
    sheets: [
      {
        sheet: 'Mã khảo sát',
        rows: [
          [
            'STT',
            'Mã khảo sát',
            'Mã đơn vị',
            'Đơn vị được đánh giá',
            'Người được khảo sát',
            'Thông tin',
            'Địa chỉ trả lời',
            'Đã trả lời ngày',
          ],
          ...rows,
        ],
      },
    ],
  };
}
