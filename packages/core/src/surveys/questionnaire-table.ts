import { DomainError, ERROR_CODES, type Issue, type IssueLocation } from '../errors.js';
import { normalizeHeader, type Table } from '../tabular/table.js';
import { infoRows, readInfo } from './info-sheet.js';
import { parseQuestionnaire } from './parse-questionnaire.js';
import { questionRows, readQuestions } from './question-sheet.js';
import type { Questionnaire } from './questionnaire.js';

export const QUESTIONNAIRE_SHEETS = { info: 'Thông tin', questions: 'Câu hỏi' } as const;

/** The questionnaire as the sheets of a workbook, in the layout {@link parseQuestionnaireTables} reads. */
export function questionnaireWorkbook(
  q: Questionnaire,
): { sheet: string; rows: (string | number | null)[][] }[] {
  return [
    { sheet: QUESTIONNAIRE_SHEETS.info, rows: infoRows(q) },
    { sheet: QUESTIONNAIRE_SHEETS.questions, rows: questionRows(q) },
  ];
}

function sheetNamed(tables: readonly Table[], name: string): Table | undefined {
  const wanted = normalizeHeader(name);
  return tables.find((table) => normalizeHeader(table.sheet) === wanted);
}

/**
 * Reads a questionnaire from its workbook (sheets "Thông tin" and "Câu hỏi"). All or nothing:
 * throws IMPORT_REJECTED listing every problem, each naming its sheet, row and column.
 */
export function parseQuestionnaireTables(tables: readonly Table[]): Questionnaire {
  const issues: Issue[] = [];
  /** Where each JSON path came from, to place the schema's issues in the sheets. */
  const where = new Map<string, IssueLocation>();

  const info = sheetNamed(tables, QUESTIONNAIRE_SHEETS.info);
  const sheet = sheetNamed(tables, QUESTIONNAIRE_SHEETS.questions);
  if (info === undefined || sheet === undefined) {
    const missing = [
      info === undefined ? QUESTIONNAIRE_SHEETS.info : undefined,
      sheet === undefined ? QUESTIONNAIRE_SHEETS.questions : undefined,
    ]
      .filter((name) => name !== undefined)
      .map((name) => `"${name}"`)
      .join(' và ');
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được tệp phiếu khảo sát', [
      { message: `tệp cần có trang ${missing}` },
    ]);
  }

  const json = readInfo(info, issues, where);
  const questions = readQuestions(sheet, issues, where);
  json.questions = questions ?? [];
  where.set('questions', { sheet: sheet.sheet });

  // The schema checks the rest; its issues are reported along with the ones above.
  try {
    const questionnaire = parseQuestionnaire(json);
    if (issues.length === 0) return questionnaire;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const issue of error.issues) {
      // Without a header row the questions were not read: that is the one thing to say.
      if (questions === undefined && issue.path?.startsWith('questions')) continue;
      issues.push(placed(issue, where));
    }
  }
  const sheetOrder = (issue: Issue) =>
    issue.sheet === info.sheet ? 0 : issue.sheet === sheet.sheet ? 1 : 2;
  issues.sort((a, b) => sheetOrder(a) - sheetOrder(b) || (a.row ?? 0) - (b.row ?? 0));
  throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không nhập được phiếu khảo sát', issues);
}

/** An issue from the schema, moved from its JSON path to the cell it came from. */
function placed(issue: Issue, where: ReadonlyMap<string, IssueLocation>): Issue {
  let path = issue.path ?? '';
  for (;;) {
    const location = where.get(path);
    if (location !== undefined) return { ...location, message: issue.message };
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return { message: issue.message };
    path = path.slice(0, cut);
  }
}
