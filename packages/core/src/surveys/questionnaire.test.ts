import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { DomainError, formatIssue, type Issue } from '../errors.js';
import { ruleSchema } from '../rules/rule-schema.js';
import type { Table } from '../tabular/table.js';
import { frameworkOf } from '../test-support/factories.js';
import { parQuestionnaire, sipasQuestionnaire } from '../test-support/surveys.js';
import { checkQuestionnaireAgainstFramework } from './check-questionnaire.js';
import { parseQuestionnaire, serializeQuestionnaire } from './parse-questionnaire.js';
import type { Questionnaire } from './questionnaire.js';
import { parseQuestionnaireTables, questionnaireWorkbook } from './questionnaire-table.js';

function issuesOf(run: () => unknown, code?: string): Issue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    if (code !== undefined) expect((error as DomainError).code).toBe(code);
    return [...(error as DomainError).issues];
  }
  throw new Error('expected a DomainError');
}

const base = {
  name: 'Phiếu lấy ý kiến đại biểu HĐND',
  kind: 'par',
  group: 'daiBieu',
  groupLabel: 'Đại biểu HĐND tỉnh',
  ratedUnitType: 'so',
  questions: [
    {
      code: 'C1',
      text: 'Việc công khai thủ tục hành chính',
      leafCode: '1.1',
      options: [
        { key: 'A', label: 'Tốt', weight: 100 },
        { key: 'B', label: 'Khá', weight: '62,5' },
        { key: 'C', label: 'Kém', weight: '0' },
      ],
    },
  ],
};

describe('parseQuestionnaire', () => {
  it('reads weights with a decimal comma and fills defaults', () => {
    const q = parseQuestionnaire(base);
    expect(q.questions[0]!.optional).toBe(false);
    expect(q.questions[0]!.options.map((o) => o.weight.toString())).toEqual(['100', '62.5', '0']);
    expect(q.questions[0]!.options[0]!.satisfied).toBe(false);
    expect(q.sipas).toBeUndefined();
  });

  it.each([
    ['regular', '95'],
    ['spot', '85'],
  ])('gives a SIPAS %s survey the target %s by default', (mode, target) => {
    const q = parseQuestionnaire({ ...base, kind: 'sipas', sipas: { mode } });
    expect(q.sipas).toEqual({
      formula: 'meanOfElements',
      mode,
      target: Decimal.of(target),
      leafCode: undefined,
    });
  });

  it('gives a SIPAS survey settings even when none are stored (null)', () => {
    const q = parseQuestionnaire({ ...base, kind: 'sipas', sipas: null });
    expect(q.sipas?.target.toString()).toBe('95');
    expect(parseQuestionnaire({ ...base, sipas: null }).sipas).toBeUndefined();
  });

  it.each([
    [
      'a weight above 100',
      {
        questions: [
          {
            ...base.questions[0],
            options: [
              { key: 'A', label: 'x', weight: 101 },
              { key: 'B', label: 'y', weight: 0 },
            ],
          },
        ],
      },
      'questions[0].options[0].weight',
      'phải từ 0 đến 100 (%)',
    ],
    [
      'a weight that is not a number',
      {
        questions: [
          {
            ...base.questions[0],
            options: [
              { key: 'A', label: 'x', weight: 'mười' },
              { key: 'B', label: 'y', weight: 0 },
            ],
          },
        ],
      },
      'questions[0].options[0].weight',
      '"mười" không phải là số',
    ],
    [
      'a single option',
      { questions: [{ ...base.questions[0], options: [{ key: 'A', label: 'x', weight: 1 }] }] },
      'questions[0].options',
      'cần ít nhất 2 phương án trả lời',
    ],
    ['no questions', { questions: [] }, 'questions', 'cần ít nhất một câu hỏi'],
    ['a blank name', { name: '  ' }, 'name', 'không được để trống'],
    ['an unknown kind', { kind: 'khac' }, 'kind', 'phải là một trong: "par", "sipas"'],
    [
      'a repeated question code (any case)',
      { questions: [base.questions[0], { ...base.questions[0], code: 'c1' }] },
      'questions[1].code',
      'mã câu "c1" trùng với câu thứ 1',
    ],
    [
      'a repeated option key',
      {
        questions: [
          {
            ...base.questions[0],
            options: [
              { key: 'A', label: 'x', weight: 1 },
              { key: 'a', label: 'y', weight: 0 },
            ],
          },
        ],
      },
      'questions[0].options[1].key',
      'câu C1: phương án "a" trùng với phương án thứ 1',
    ],
    [
      'SIPAS settings on a PAR survey',
      { sipas: { mode: 'spot' } },
      'sipas',
      'chỉ phiếu SIPAS mới có cài đặt chỉ số SIPAS',
    ],
  ])('rejects %s', (_name, change, path, message) => {
    const issues = issuesOf(() => parseQuestionnaire({ ...base, ...change }), 'VALIDATION_FAILED');
    expect(issues).toContainEqual({ path, message });
  });

  it('round-trips through its JSON form', () => {
    const sipas = sipasQuestionnaire(
      [
        ['S1', 'tiepCan'],
        ['S2', 'gopY', true],
      ],
      {
        formula: 'pooled',
        mode: 'spot',
        target: '87,5',
        leafCode: '8.1',
      },
    );
    for (const q of [parseQuestionnaire(base), sipas]) {
      const json = serializeQuestionnaire(q);
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
      expect(parseQuestionnaire(JSON.parse(JSON.stringify(json)))).toEqual(q);
    }
    expect(serializeQuestionnaire(sipas).sipas).toEqual({
      formula: 'pooled',
      mode: 'spot',
      target: '87.5',
      leafCode: '8.1',
    });
    expect(serializeQuestionnaire(parseQuestionnaire(base)).questions[0]!.options[1]!.weight).toBe(
      '62.5',
    );
  });

  it('rebuilds from the stored columns (sipas null for PAR)', () => {
    const json = serializeQuestionnaire(parseQuestionnaire(base));
    const stored = { ...json, sipas: json.sipas ?? null };
    expect(parseQuestionnaire(stored)).toEqual(parseQuestionnaire(base));
  });
});

describe('checkQuestionnaireAgainstFramework', () => {
  const survey = {
    kind: 'survey',
    groups: [
      { group: 'daiBieu', label: 'Đại biểu' },
      { group: 'nguoiDan', label: 'Người dân' },
    ],
  };
  const framework = frameworkOf([
    ['1', '10'],
    ['1.1', '4', ruleSchema.parse(survey)],
    [
      '1.2',
      '3',
      ruleSchema.parse({ kind: 'notApplicableWhen', condition: 'x', otherwise: survey }),
    ],
    ['1.3', '3', ruleSchema.parse({ kind: 'passFail' })],
    ['2', '10'],
    ['2.1', '10', ruleSchema.parse({ kind: 'externalIndex' })],
  ]);

  it('accepts PAR questions feeding survey leaves of the group, through wrappers', () => {
    const q = parQuestionnaire('daiBieu', [
      ['C1', '1.1'],
      ['C2', '1.2'],
    ]);
    expect(checkQuestionnaireAgainstFramework(q, framework)).toEqual([]);
  });

  it('names every PAR question that does not fit', () => {
    const q = parQuestionnaire('daiBieu', [
      ['C1', '9.9'],
      ['C2', '1'],
      ['C3', '1.3'],
    ]);
    q.questions.push({ ...q.questions[0]!, code: 'C4', leafCode: undefined });
    expect(checkQuestionnaireAgainstFramework(q, framework)).toEqual([
      {
        path: 'questions[0].leafCode',
        message: 'Câu C1: tiêu chí "9.9" không có trong bộ chỉ số "Bộ chỉ số thử nghiệm"',
      },
      {
        path: 'questions[1].leafCode',
        message:
          'Câu C2: "1" có mục con nên không nhận điểm khảo sát trực tiếp; hãy chọn một tiêu chí thành phần',
      },
      {
        path: 'questions[2].leafCode',
        message: 'Câu C3: tiêu chí 1.3 không chấm theo kết quả khảo sát',
      },
      { path: 'questions[3].leafCode', message: 'Câu C4: chưa ghi mã tiêu chí nhận điểm' },
    ]);
  });

  it('names a group the leaf does not weigh', () => {
    const q = parQuestionnaire('doanhNghiep', [['C1', '1.1']]);
    expect(checkQuestionnaireAgainstFramework(q, framework)).toEqual([
      {
        path: 'questions[0].leafCode',
        message:
          'Câu C1: tiêu chí 1.1 không lấy ý kiến của nhóm "doanhNghiep"; các nhóm được tính: daiBieu (Đại biểu), nguoiDan (Người dân)',
      },
    ]);
  });

  it('checks SIPAS elements and the leaf the index feeds', () => {
    expect(
      checkQuestionnaireAgainstFramework(
        sipasQuestionnaire([['S1', 'tiepCan']], { leafCode: '2.1' }),
        framework,
      ),
    ).toEqual([]);
    const q = sipasQuestionnaire([['S1', 'tiepCan']], { leafCode: '1.1' });
    q.questions.push({ ...q.questions[0]!, code: 'S2', element: undefined });
    expect(checkQuestionnaireAgainstFramework(q, framework)).toEqual([
      { path: 'questions[1].element', message: 'Câu S2: chưa ghi yếu tố SIPAS mà câu hỏi đo' },
      {
        path: 'sipas.leafCode',
        message: 'tiêu chí 1.1 không chấm theo chỉ số bên ngoài nên không nhận được chỉ số SIPAS',
      },
    ]);
    const missing = sipasQuestionnaire([['S1', 'tiepCan']], { leafCode: '7.7' });
    expect(checkQuestionnaireAgainstFramework(missing, framework)).toEqual([
      {
        path: 'sipas.leafCode',
        message: 'tiêu chí "7.7" không có trong bộ chỉ số "Bộ chỉ số thử nghiệm"',
      },
    ]);
  });
});

function tablesOf(q: Questionnaire): Table[] {
  return questionnaireWorkbook(q).map(({ sheet, rows }) => ({ sheet, rows }));
}

describe('questionnaire workbook', () => {
  const par = parseQuestionnaire({
    ...base,
    questions: [
      base.questions[0],
      {
        code: '2.1',
        text: 'Thái độ của công chức',
        leafCode: '1.2',
        optional: true,
        options: [
          { key: 'A', label: 'Tốt', weight: '33,333333' },
          { key: 'B', label: 'Chưa tốt', weight: 0 },
        ],
      },
    ],
  });
  const sipas = sipasQuestionnaire(
    [
      ['S1', 'tiepCan'],
      ['S2', 'riengTinh', true],
    ],
    {
      formula: 'pooled',
      mode: 'spot',
      target: '87,5',
      leafCode: '8.1',
    },
  );

  it('lays out the two sheets', () => {
    const [info, questions] = questionnaireWorkbook(sipas);
    expect(info!.sheet).toBe('Thông tin');
    expect(info!.rows).toEqual([
      ['Mục', 'Giá trị'],
      ['Tên phiếu', 'Phiếu SIPAS'],
      ['Loại phiếu (ĐTXHH/SIPAS)', 'SIPAS'],
      ['Mã nhóm đối tượng', 'nguoiDan'],
      ['Tên nhóm đối tượng', 'Người dân, tổ chức'],
      ['Loại đơn vị được đánh giá', 'Sở, ban, ngành'],
      ['Công thức SIPAS', 'Gộp tất cả câu trả lời'],
      ['Hình thức SIPAS', 'Đột xuất'],
      ['Chỉ tiêu (%)', 87.5],
      ['Tiêu chí nhận chỉ số SIPAS', '8.1'],
    ]);
    expect(questions!.sheet).toBe('Câu hỏi');
    expect(questions!.rows.slice(0, 3)).toEqual([
      [
        'Mã câu',
        'Nội dung câu hỏi',
        'Mã tiêu chí',
        'Yếu tố SIPAS',
        'Không bắt buộc',
        'Phương án',
        'Nội dung phương án',
        'Trọng số (%)',
        'Hài lòng',
      ],
      [
        'S1',
        'Câu hỏi S1',
        null,
        'Tiếp cận dịch vụ hành chính công',
        null,
        '1',
        'Rất hài lòng',
        100,
        'x',
      ],
      [null, null, null, null, null, '2', 'Hài lòng', 75, 'x'],
    ]);
  });

  it.each([
    ['PAR', par],
    ['SIPAS', sipas],
  ])('round-trips a %s questionnaire', (_name, q) => {
    expect(parseQuestionnaireTables(tablesOf(q))).toEqual(q);
  });

  it('reads what offices type: decimal commas, repeated question cells, codes as numbers', () => {
    const tables: Table[] = [
      {
        sheet: 'THÔNG TIN',
        rows: [
          ['Tên phiếu', 'Phiếu doanh nghiệp'],
          ['Loại phiếu', 'Điều tra xã hội học'],
          ['Mã nhóm đối tượng', 'doanhNghiep'],
          ['Tên nhóm đối tượng', 'Doanh nghiệp'],
          ['Loại đơn vị được đánh giá', 'UBND cấp huyện'],
        ],
      },
      {
        sheet: 'Cau hoi',
        rows: [
          ['Phiếu doanh nghiệp'],
          [
            'Mã câu',
            'Nội dung câu hỏi',
            'Mã tiêu chí',
            'Phương án',
            'Nội dung phương án',
            'Trọng số (%)',
          ],
          [1, 'Câu một', 3.4, 'A', 'Tốt', '100'],
          [1, 'Câu một', null, 'B', 'Khá', '12,5'],
          [null, null, null, 'C', 'Kém', 0.1 + 0.2],
          [],
        ],
      },
    ];
    const q = parseQuestionnaireTables(tables);
    expect(q.ratedUnitType).toBe('huyen');
    expect(q.kind).toBe('par');
    expect(q.questions).toHaveLength(1);
    expect(q.questions[0]!.code).toBe('1');
    expect(q.questions[0]!.leafCode).toBe('3.4');
    expect(q.questions[0]!.options.map((o) => o.weight.toString())).toEqual(['100', '12.5', '0.3']);
  });

  it('rejects a workbook without its sheets', () => {
    expect(issuesOf(() => parseQuestionnaireTables([{ sheet: 'Sheet1', rows: [] }]))).toEqual([
      { message: 'tệp cần có trang "Thông tin" và "Câu hỏi"' },
    ]);
  });

  it('names every bad cell by sheet, row and column', () => {
    const tables = tablesOf(par);
    const info = tables[0]!.rows;
    info[2]![1] = 'Khảo sát khác'; // Loại phiếu
    info[8]![1] = 90; // Chỉ tiêu on a PAR form
    info.push(['Ghi chú', 'x']);
    const rows = tables[1]!.rows;
    rows[1]![7] = 'một trăm'; // C1 option A weight
    rows[2]![6] = null; // C1 option B label
    rows[3]![1] = 'Câu khác'; // question text repeated differently on C1's third row
    rows[5]![8] = 'có lẽ'; // Hài lòng
    const issues = issuesOf(() => parseQuestionnaireTables(tables), 'IMPORT_REJECTED');
    expect(issues.map(formatIssue)).toEqual([
      'Trang "Thông tin", dòng 3, cột B (Loại phiếu (ĐTXHH/SIPAS)): loại phiếu "Khảo sát khác" không rõ (ĐTXHH hoặc SIPAS)',
      'Trang "Thông tin", dòng 11, cột A (Mục): mục "Ghi chú" không được hỗ trợ (các mục: Tên phiếu; Loại phiếu (ĐTXHH/SIPAS); Mã nhóm đối tượng; Tên nhóm đối tượng; Loại đơn vị được đánh giá; Công thức SIPAS; Hình thức SIPAS; Chỉ tiêu (%); Tiêu chí nhận chỉ số SIPAS)',
      'Trang "Câu hỏi", dòng 2, cột H (Trọng số (%)): "một trăm" không phải là số',
      'Trang "Câu hỏi", dòng 3, cột G (Nội dung phương án): bắt buộc nhưng đang thiếu',
      'Trang "Câu hỏi", dòng 4, cột B (Nội dung câu hỏi): khác với dòng 2 (dòng đầu của câu C1); để trống hoặc ghi giống dòng đầu',
      'Trang "Câu hỏi", dòng 6, cột I (Hài lòng): "có lẽ" không rõ: ghi "x" nếu phương án được tính là hài lòng, để trống nếu không',
    ]);
  });

  it('places the schema issues in their cells', () => {
    const tables = tablesOf(par);
    const rows = tables[1]!.rows;
    rows[1]![7] = 'một trăm'; // C1 option A weight
    rows[2]![6] = null; // C1 option B label
    rows[4]![5] = 'A'; // 2.1 option A key … repeated below
    rows[5]![5] = 'a';
    tables[0]!.rows[1]![1] = null; // Tên phiếu
    const issues = issuesOf(() => parseQuestionnaireTables(tables), 'IMPORT_REJECTED');
    expect(issues.map(formatIssue)).toEqual([
      'Trang "Thông tin", dòng 2, cột B (Tên phiếu): bắt buộc nhưng đang thiếu',
      'Trang "Câu hỏi", dòng 2, cột H (Trọng số (%)): "một trăm" không phải là số',
      'Trang "Câu hỏi", dòng 3, cột G (Nội dung phương án): bắt buộc nhưng đang thiếu',
    ]);
    rows[1]![7] = 100;
    rows[2]![6] = 'Khá';
    tables[0]!.rows[1]![1] = 'Phiếu';
    expect(issuesOf(() => parseQuestionnaireTables(tables)).map(formatIssue)).toEqual([
      'Trang "Câu hỏi", dòng 6, cột F (Phương án): câu 2.1: phương án "a" trùng với phương án thứ 1',
    ]);
  });

  it('rejects a questions sheet without its header row', () => {
    const tables = tablesOf(par);
    tables[1]!.rows = [['Câu', 'Nội dung']];
    expect(issuesOf(() => parseQuestionnaireTables(tables)).map(formatIssue)).toEqual([
      'Trang "Câu hỏi": không tìm thấy dòng tiêu đề: cần cột "Mã câu" và cột "Nội dung câu hỏi" và cột "Phương án" và cột "Nội dung phương án" và cột "Trọng số (%)" trong 30 dòng đầu',
    ]);
  });
});
