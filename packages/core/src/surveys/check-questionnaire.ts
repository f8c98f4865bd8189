import type { Issue } from '../errors.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import type { Rule } from '../rules/rule.js';
import type { Questionnaire } from './questionnaire.js';

/** The rule that scores a leaf, past the "không phát sinh" and "không áp dụng" wrappers. */
function scoringRule(rule: Rule | undefined): Rule | undefined {
  let inner = rule;
  while (
    inner !== undefined &&
    (inner.kind === 'noneArose' || inner.kind === 'notApplicableWhen')
  ) {
    inner = inner.otherwise;
  }
  return inner;
}

function leafProblem(
  framework: Framework,
  code: string,
): { node: FrameworkNode; rule: Rule | undefined } | { problem: string } {
  const node = framework.byCode.get(code);
  if (node === undefined) {
    return { problem: `tiêu chí "${code}" không có trong bộ chỉ số "${framework.name}"` };
  }
  if (node.children.length > 0) {
    return {
      problem: `"${code}" có mục con nên không nhận điểm khảo sát trực tiếp; hãy chọn một tiêu chí thành phần`,
    };
  }
  return { node, rule: scoringRule(node.rule) };
}

/**
 * What in a questionnaire does not fit the framework its answers feed. PAR: each question
 * names a leaf scored by a 'survey' rule that weighs this respondent group. SIPAS: each
 * question names an element, and the index feeds an 'externalIndex' leaf if any.
 */
export function checkQuestionnaireAgainstFramework(
  q: Questionnaire,
  framework: Framework,
): Issue[] {
  const issues: Issue[] = [];
  if (q.kind === 'par') {
    q.questions.forEach((question, i) => {
      const path = `questions[${i}].leafCode`;
      if (question.leafCode === undefined) {
        issues.push({ path, message: `Câu ${question.code}: chưa ghi mã tiêu chí nhận điểm` });
        return;
      }
      const found = leafProblem(framework, question.leafCode);
      if ('problem' in found) {
        issues.push({ path, message: `Câu ${question.code}: ${found.problem}` });
        return;
      }
      if (found.rule?.kind !== 'survey') {
        issues.push({
          path,
          message: `Câu ${question.code}: tiêu chí ${question.leafCode} không chấm theo kết quả khảo sát`,
        });
        return;
      }
      const groups = found.rule.groups;
      if (!groups.some((g) => g.group === q.group)) {
        const named = groups.map((g) => `${g.group} (${g.label})`).join(', ');
        issues.push({
          path,
          message: `Câu ${question.code}: tiêu chí ${question.leafCode} không lấy ý kiến của nhóm "${q.group}"${named ? `; các nhóm được tính: ${named}` : ''}`,
        });
      }
    });
    return issues;
  }
  q.questions.forEach((question, i) => {
    if (question.element === undefined) {
      issues.push({
        path: `questions[${i}].element`,
        message: `Câu ${question.code}: chưa ghi yếu tố SIPAS mà câu hỏi đo`,
      });
    }
  });
  const leafCode = q.sipas?.leafCode;
  if (leafCode !== undefined) {
    const found = leafProblem(framework, leafCode);
    if ('problem' in found) {
      issues.push({ path: 'sipas.leafCode', message: found.problem });
    } else if (found.rule?.kind !== 'externalIndex') {
      issues.push({
        path: 'sipas.leafCode',
        message: `tiêu chí ${leafCode} không chấm theo chỉ số bên ngoài nên không nhận được chỉ số SIPAS`,
      });
    }
  }
  return issues;
}
