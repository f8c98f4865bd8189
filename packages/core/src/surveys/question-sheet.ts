import type { Issue, IssueLocation } from '../errors.js';
import { describeRequired, locateColumns, type ColumnRole } from '../tabular/columns.js';
import { columnLetter, isBlank, type Table } from '../tabular/table.js';
import { SIPAS_ELEMENTS, type Questionnaire } from './questionnaire.js';
import { cellValue, codeText, elementKey, flagOf } from './sheet-cells.js';

/** Sheet "Câu hỏi": one row per answer option; question cells on each question's first row. */

type QuestionColumn =
  | 'code'
  | 'text'
  | 'leafCode'
  | 'element'
  | 'optional'
  | 'optionKey'
  | 'optionLabel'
  | 'weight'
  | 'satisfied';

const QUESTION_HEADERS: Record<QuestionColumn, string> = {
  code: 'Mã câu',
  text: 'Nội dung câu hỏi',
  leafCode: 'Mã tiêu chí',
  element: 'Yếu tố SIPAS',
  optional: 'Không bắt buộc',
  optionKey: 'Phương án',
  optionLabel: 'Nội dung phương án',
  weight: 'Trọng số (%)',
  satisfied: 'Hài lòng',
};
const QUESTION_ORDER = Object.keys(QUESTION_HEADERS) as QuestionColumn[];

const QUESTION_ROLES: ColumnRole<QuestionColumn>[] = [
  { key: 'code', label: '"Mã câu"', match: (h) => h.startsWith('ma cau') },
  {
    key: 'optionLabel',
    label: '"Nội dung phương án"',
    match: (h) => h.includes('noi dung phuong an'),
  },
  {
    key: 'text',
    label: '"Nội dung câu hỏi"',
    match: (h) => h.startsWith('noi dung') || h === 'cau hoi',
  },
  { key: 'leafCode', label: '"Mã tiêu chí"', match: (h) => h.includes('tieu chi') },
  { key: 'element', label: '"Yếu tố SIPAS"', match: (h) => h.startsWith('yeu to') },
  { key: 'optional', label: '"Không bắt buộc"', match: (h) => h.includes('khong bat buoc') },
  {
    key: 'optionKey',
    label: '"Phương án"',
    match: (h) => h === 'phuong an' || h === 'ma phuong an',
  },
  { key: 'weight', label: '"Trọng số (%)"', match: (h) => h.startsWith('trong so') },
  { key: 'satisfied', label: '"Hài lòng"', match: (h) => h.startsWith('hai long') },
];
const REQUIRED_QUESTION_COLUMNS: QuestionColumn[] = [
  'code',
  'text',
  'optionKey',
  'optionLabel',
  'weight',
];

const yes = (flag: boolean) => (flag ? 'x' : null);

/** The rows of sheet "Câu hỏi", header first. */
export function questionRows(q: Questionnaire): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [QUESTION_ORDER.map((key) => QUESTION_HEADERS[key])];
  for (const question of q.questions) {
    question.options.forEach((option, o) => {
      const first = o === 0;
      const element = question.element;
      rows.push([
        first ? question.code : null,
        first ? question.text : null,
        first ? (question.leafCode ?? null) : null,
        first && element !== undefined ? (SIPAS_ELEMENTS[element] ?? element) : null,
        first ? yes(question.optional) : null,
        option.key,
        option.label,
        option.weight.toNumber(),
        yes(option.satisfied),
      ]);
    });
  }
  return rows;
}

/**
 * The questions of sheet "Câu hỏi" as JSON for the schema, recording in `where` the cell each
 * path came from; undefined when the header row is not found (an issue says so).
 */
export function readQuestions(
  sheet: Table,
  issues: Issue[],
  where: Map<string, IssueLocation>,
): unknown[] | undefined {
  const located = locateColumns(sheet, QUESTION_ROLES, REQUIRED_QUESTION_COLUMNS);
  if (located === undefined) {
    issues.push({
      sheet: sheet.sheet,
      message: `không tìm thấy dòng tiêu đề: cần ${describeRequired(QUESTION_ROLES, REQUIRED_QUESTION_COLUMNS)} trong 30 dòng đầu`,
    });
    return undefined;
  }
  const { columns, headers, headerRow } = located;
  const questions: {
    json: Record<string, unknown>;
    options: Record<string, unknown>[];
    row: number;
  }[] = [];
  const locate = (r: number, key: QuestionColumn): IssueLocation => {
    const c = columns.get(key);
    return c === undefined
      ? { sheet: sheet.sheet, row: r + 1, field: QUESTION_HEADERS[key] }
      : {
          sheet: sheet.sheet,
          row: r + 1,
          column: columnLetter(c),
          field: headers[c] ?? QUESTION_HEADERS[key],
        };
  };
  const QUESTION_FIELDS: QuestionColumn[] = ['text', 'leafCode', 'element', 'optional'];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    const cell = (key: QuestionColumn) => {
      const c = columns.get(key);
      return c === undefined ? undefined : row[c];
    };
    const code = codeText(cell('code'));
    let current = questions[questions.length - 1];
    if (code !== '' && code !== current?.json.code) {
      current = { json: { code }, options: [], row: r };
      questions.push(current);
      const p = `questions[${questions.length - 1}]`;
      where.set(p, locate(r, 'code'));
      where.set(`${p}.code`, locate(r, 'code'));
      where.set(`${p}.options`, locate(r, 'optionKey'));
      for (const key of QUESTION_FIELDS) where.set(`${p}.${key}`, locate(r, key));
      const text = cellValue(cell('text'));
      if (text !== undefined) current.json.text = String(text);
      const leafCode = codeText(cell('leafCode')).replace(/\.$/, '');
      if (leafCode !== '') current.json.leafCode = leafCode;
      const element = codeText(cell('element'));
      if (element !== '') current.json.element = elementKey(element);
      const optional = flagOf(cell('optional'));
      if (optional === undefined)
        issues.push({
          ...locate(r, 'optional'),
          message: `"${codeText(cell('optional'))}" không rõ: ghi "x" nếu câu hỏi không bắt buộc, để trống nếu bắt buộc`,
        });
      current.json.optional = optional ?? false;
    } else if (current === undefined) {
      issues.push({
        ...locate(r, 'code'),
        message: 'thiếu mã câu (dòng đầu của mỗi câu hỏi ghi mã câu)',
      });
      continue;
    } else {
      // A following option row: question columns blank or the same as the question's first row.
      for (const key of QUESTION_FIELDS) {
        const text = codeText(cell(key));
        if (text === '') continue;
        const first = codeText(sheet.rows[current.row]?.[columns.get(key) ?? -1]);
        if (text !== first) {
          issues.push({
            ...locate(r, key),
            message: `khác với dòng ${current.row + 1} (dòng đầu của câu ${String(current.json.code)}); để trống hoặc ghi giống dòng đầu`,
          });
        }
      }
    }
    const o = current.options.length;
    const p = `questions[${questions.indexOf(current)}].options[${o}]`;
    where.set(p, locate(r, 'optionKey'));
    where.set(`${p}.key`, locate(r, 'optionKey'));
    where.set(`${p}.label`, locate(r, 'optionLabel'));
    where.set(`${p}.weight`, locate(r, 'weight'));
    where.set(`${p}.satisfied`, locate(r, 'satisfied'));
    const option: Record<string, unknown> = {};
    const key = codeText(cell('optionKey'));
    if (key !== '') option.key = key;
    const label = cellValue(cell('optionLabel'));
    if (label !== undefined) option.label = String(label);
    const weight = cellValue(cell('weight'));
    if (weight !== undefined) option.weight = weight;
    const satisfied = flagOf(cell('satisfied'));
    if (satisfied === undefined)
      issues.push({
        ...locate(r, 'satisfied'),
        message: `"${codeText(cell('satisfied'))}" không rõ: ghi "x" nếu phương án được tính là hài lòng, để trống nếu không`,
      });
    option.satisfied = satisfied ?? false;
    current.options.push(option);
  }
  return questions.map((question) => ({ ...question.json, options: question.options }));
}
