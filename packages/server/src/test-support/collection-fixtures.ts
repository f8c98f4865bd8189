import { surveyCodes, surveyLinks, surveys } from '../db/schema.js';
import type { TestApp, TestResponse } from './test-app.js';
import type { World } from './world.js';

/** A JSON body read loosely: each test states what it expects of it. */
export type Body = Record<string, unknown>;

export interface ErrorBody {
  code: string;
  message: string;
  issues: { sheet?: string; row?: number; column?: string; field?: string; message: string }[];
  details: string[];
}

export const errorOf = (r: TestResponse) => (r.body as { error: ErrorBody }).error;

/** Three questions: C1 with four options, C2 with two, C3 optional with three. */
export const TEST_QUESTIONS = [
  {
    code: 'C1',
    text: 'Việc công khai thủ tục hành chính của sở',
    leafCode: '3.2',
    optional: false,
    options: [
      { key: 'A', label: 'Rất tốt', weight: '100', satisfied: true },
      { key: 'B', label: 'Tốt', weight: '60', satisfied: true },
      { key: 'C', label: 'Chưa tốt', weight: '20', satisfied: false },
      { key: 'D', label: 'Kém', weight: '0', satisfied: false },
    ],
  },
  {
    code: 'C2',
    text: 'Thái độ của công chức khi tiếp nhận hồ sơ',
    leafCode: '3.2',
    optional: false,
    options: [
      { key: 'A', label: 'Hài lòng', weight: '100', satisfied: true },
      { key: 'B', label: 'Chưa hài lòng', weight: '0', satisfied: false },
    ],
  },
  {
    code: 'C3',
    text: 'Góp ý khác (không bắt buộc)',
    leafCode: '3.2',
    optional: true,
    options: [
      { key: 'A', label: 'Nên mở rộng dịch vụ công trực tuyến', weight: '100', satisfied: true },
      { key: 'B', label: 'Nên rút ngắn thời gian', weight: '50', satisfied: true },
      { key: 'C', label: 'Không có góp ý', weight: '0', satisfied: false },
    ],
  },
];

/**
 * A survey of the world's period rating departments, inserted directly (setup has its own
 * tests): open unless told otherwise.
 */
export async function addSurvey(
  t: TestApp,
  w: World,
  options: { status?: string; recheckPercent?: number; name?: string } = {},
): Promise<string> {
  const [row] = await t.deps.db
    .insert(surveys)
    .values({
      periodId: w.periodId,
      name: options.name ?? 'Phiếu đại biểu đánh giá sở',
      kind: 'par',
      respondentGroup: 'daiBieu',
      groupLabel: 'Đại biểu HĐND',
      ratedUnitType: 'so',
      questions: TEST_QUESTIONS,
      status: options.status ?? 'open',
      recheckPercent: options.recheckPercent ?? 10,
    })
    .returning({ id: surveys.id });
  if (!row) throw new Error('survey not inserted');
  return row.id;
}

/** A personal code ("ABCDE-FGHJK" or without the dash) issued for a unit. */
export async function addCode(
  t: TestApp,
  w: World,
  surveyId: string,
  code: string,
  unitId: string,
  respondentName = 'Nguyễn Văn An',
): Promise<string> {
  const [row] = await t.deps.db
    .insert(surveyCodes)
    .values({
      surveyId,
      unitId,
      code: code.replace('-', ''),
      respondentName,
      respondentInfo: 'Đại biểu HĐND tỉnh, tổ 3',
      issuedAt: t.deps.clock(),
      issuedBy: w.ids.admin ?? '',
    })
    .returning({ id: surveyCodes.id });
  if (!row) throw new Error('code not inserted');
  return row.id;
}

export async function addLink(t: TestApp, surveyId: string, unitId: string, token: string) {
  await t.deps.db.insert(surveyLinks).values({ surveyId, unitId, token });
}
