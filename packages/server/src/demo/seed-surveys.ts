import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QuestionnaireInput } from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../context.js';
import { submitCodeResponse } from '../use-cases/survey-responses/answer-by-code.js';
import { getLinkForm, submitLinkResponse } from '../use-cases/survey-responses/answer-by-link.js';
import { enterPaperForm } from '../use-cases/survey-responses/enter-paper-form.js';
import { importSurveyResponses } from '../use-cases/survey-responses/import-responses.js';
import { enterRecheck } from '../use-cases/survey-responses/recheck-forms.js';
import { recomputeTallies } from '../use-cases/survey-results/recompute-tallies.js';
import { createLink } from '../use-cases/surveys/create-link.js';
import { createSurvey } from '../use-cases/surveys/create-survey.js';
import { issueCodes } from '../use-cases/surveys/issue-codes.js';
import { setSurveyStatus } from '../use-cases/surveys/set-status.js';
import { setTargets } from '../use-cases/surveys/set-targets.js';
import { DEPARTMENTS } from './catalogue.js';
import { ctx, DAY, strength, type Demo } from './demo.js';
import { prng } from './fill.js';
import { PAR_FORMS, SIPAS_FORM } from './survey-forms.js';

type Keys = Record<string, string | null>;

/** Per department: codes issued (đại biểu), paper forms (MTTQ, lãnh đạo xã), SIPAS forms. */
const PLAN = { codes: 15, answered: 12, mttq: 5, lanhDao: 16, sipasLink: 5, sipasPost: 30 };
/** Responses wanted per department, by respondent group. */
const TARGETS: Record<string, number> = { daiBieu: 15, mttq: 6, lanhDao: 20, nguoiDan: 40 };

/** A respondent's answers to a questionnaire for a unit of the given strength (0–1). */
function answersFor(q: QuestionnaireInput, unitStrength: number, random: () => number): Keys {
  return Object.fromEntries(
    q.questions.map((question) => {
      const r = random();
      if (question.optional && r < 0.1) return [question.code, null];
      if (q.kind === 'sipas') {
        const satisfied = r < 0.82 + unitStrength * 0.17;
        return [
          question.code,
          satisfied ? (random() < 0.5 ? '5' : '4') : random() < 0.8 ? '3' : '2',
        ];
      }
      const key =
        r < unitStrength - 0.1 ? 'A' : r < unitStrength + 0.2 ? 'B' : r < 0.97 ? 'C' : 'D';
      return [question.code, key];
    }),
  );
}

/**
 * The current period's questionnaires for the departments: one PAR form per respondent group
 * of leaf 8.1 and a SIPAS form feeding 8.2; targets, personal codes (most answered), paper
 * forms typed by the survey clerk with their re-check (one difference left to resolve), an
 * open link per department and the post office's delivery; then the answers are counted.
 */
export async function seedSurveys(
  demo: Demo,
  periodId: string,
  year: number,
  now: Date,
): Promise<void> {
  const admin = (days: number) => ctx(demo, demo.admin, new Date(now.getTime() - days * DAY));
  const clerk = demo.actors.get('nhapphieu') as CurrentActor;
  const asClerk = (days: number) => ctx(demo, clerk, new Date(now.getTime() - days * DAY));
  const respondent = (days: number, ip: string): UseCaseContext => ({
    actor: undefined,
    ip,
    now: new Date(now.getTime() - days * DAY),
    deps: demo.deps,
  });
  const departments = DEPARTMENTS.map(([id]) => id);
  demo.report(
    `Khảo sát: ${PAR_FORMS.length + 1} phiếu cho ${departments.length} sở (mã cá nhân, phiếu giấy và phúc tra, đường dẫn mở, tệp bưu điện)…`,
  );
  const random = prng(20_261_122);
  const ids: string[] = [];
  for (const form of [...PAR_FORMS, SIPAS_FORM]) {
    const survey = await createSurvey(admin(24), periodId, {
      questionnaire: form,
      recheckPercent: 10,
    });
    const target = TARGETS[form.group] ?? 0;
    await setTargets(
      admin(24),
      survey.id,
      departments.map((unitId, i) => ({
        unitId,
        target,
        population: form.kind === 'sipas' ? 150 + i * 40 : null,
      })),
    );
    await setSurveyStatus(admin(23), survey.id, 'open');
    ids.push(survey.id);
  }
  const [daiBieu, mttq, lanhDao, sipas] = ids as [string, string, string, string];
  const [daiBieuForm, mttqForm, lanhDaoForm] = PAR_FORMS as [
    QuestionnaireInput,
    QuestionnaireInput,
    QuestionnaireInput,
  ];
  const post: string[][] = [
    ['Số phiếu', 'Lô', 'Mã đơn vị', ...SIPAS_FORM.questions.map((q) => q.code)],
  ];
  for (const [d, unitId] of departments.entries()) {
    const s = strength(unitId, year);
    // Delegates get a personal code each; most answer online within a fortnight.
    const { codes } = await issueCodes(admin(22), daiBieu, {
      unitId,
      respondents: Array.from({ length: PLAN.codes }, (_x, k) => ({
        name: `Đại biểu HĐND tỉnh số ${d * PLAN.codes + k + 1}`,
        info: `Tổ đại biểu số ${(k % 5) + 1}`,
      })),
    });
    for (const [k, code] of codes.slice(0, PLAN.answered).entries()) {
      await submitCodeResponse(
        respondent(20 - k, `10.1.${d}.${k + 1}`),
        code.code,
        answersFor(daiBieuForm, s, random),
      );
    }
    // Paper forms from the Front and the communes, typed in by the clerk.
    for (const [form, surveyId, count, prefix] of [
      [mttqForm, mttq, PLAN.mttq, 'MT'],
      [lanhDaoForm, lanhDao, PLAN.lanhDao, 'LD'],
    ] as const) {
      for (let k = 0; k < count; k++) {
        const formNumber = `${prefix}-${unitId}-${String(k + 1).padStart(3, '0')}`;
        const answers = answersFor(form, s, random);
        const batch = `Lô ${k < count / 2 ? 1 : 2}`;
        const entered = await enterPaperForm(asClerk(12 - (k % 5)), surveyId, {
          unitId,
          formNumber,
          batch,
          answers,
        });
        if (!entered.recheckSelected) continue;
        // The re-check: entered again blind; the first one of the communes' forms differs.
        const second = { ...answers };
        if (prefix === 'LD' && d === 0) second.C1 = answers.C1 === 'A' ? 'B' : 'A';
        await enterRecheck(asClerk(6), surveyId, { formNumber, answers: second });
      }
    }
    // Citizens at the one-stop desk: the link's QR code, and forms collected by the post office.
    const link = await createLink(admin(22), sipas, unitId);
    for (let k = 0; k < PLAN.sipasLink; k++) {
      const citizen = respondent(15 - k, `10.2.${d}.${k + 1}`);
      const { formToken } = await getLinkForm(citizen, link.token);
      await submitLinkResponse(citizen, link.token, {
        answers: answersFor(SIPAS_FORM, s, random),
        deviceToken: `thiet-bi-${d}-${k}`,
        formToken,
      });
    }
    for (let k = 0; k < PLAN.sipasPost; k++) {
      const answers = answersFor(SIPAS_FORM, s, random);
      post.push([
        `BD-${unitId}-${String(k + 1).padStart(3, '0')}`,
        `Bưu điện đợt ${(k % 2) + 1}`,
        unitId,
        ...SIPAS_FORM.questions.map((q) => answers[q.code] ?? ''),
      ]);
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'chiso-demo-'));
  try {
    const file = join(dir, 'phieu-sipas-buu-dien.csv');
    await writeFile(file, `\uFEFF${post.map((row) => row.join(';')).join('\n')}\n`);
    await importSurveyResponses(asClerk(5), sipas, file, 'phieu-sipas-buu-dien.csv');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  demo.report(`Khảo sát: nhập ${post.length - 1} phiếu của bưu điện; tính lại điểm khảo sát…`);
  await recomputeTallies(ctx(demo, demo.admin, now), periodId);
}
