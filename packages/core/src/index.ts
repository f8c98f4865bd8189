export { Decimal, type ParseResult } from './decimal/decimal.js';
export { Ratio } from './decimal/ratio.js';
export * from './errors.js';
export * from './format/format.js';
export * from './framework/framework.js';
export {
  buildFramework,
  checkFrameworkNodes,
  type FrameworkIssue,
} from './framework/build-framework.js';
export { frameworkInputSchema } from './framework/framework-schema.js';
export * from './framework/shift-years.js';
export {
  RULE_DATE_FIELDS,
  RULE_NESTED_FIELDS,
  RULE_TEXT_FIELDS,
  type RuleField,
} from './framework/rule-fields.js';
export * from './framework/code-map.js';
export * from './rules/rule.js';
export { ruleSchema } from './rules/rule-schema.js';
export { FACTS_SCHEMAS, type FactsOf } from './rules/facts-schema.js';
export { evaluateRule } from './rules/evaluate-rule.js';
export type { LeafOutcome, RuleContext } from './rules/outcome.js';
export { checkRule, pointsRange } from './rules/check-rule.js';
export { describeLowerSource, describeRule, lowerSourceKinds } from './rules/describe-rule.js';
export * from './rules/fact-labels.js';
export {
  describeFacts,
  decimalText,
  displayValue,
  OTHER_FACT_LABEL,
  type FactLine,
} from './rules/describe-facts.js';
export { serializeRule, type RuleJson } from './rules/serialize-rule.js';
export * from './results/policy.js';
export { rankValues } from './results/rank.js';
export { groupBy } from './results/group-by.js';
export * from './results/score-unit.js';
export * from './results/compute-results.js';
export * from './results/previous-leaves.js';
export type { LineageIndex, LineageLink } from './results/lineage.js';
export { findPredecessor, indexLineage } from './results/lineage.js';
export type { RaisedFlag, AreaPercent } from './results/classify.js';
export { bandOf, headRatingOf, flagsOf } from './results/classify.js';
export type { LostPoints } from './results/lost-points.js';
export { parseResultsRequest, resultsRequestSchema } from './results/request.js';
export {
  presentResults,
  PERCENT_OUTPUT_DECIMALS,
  type ResultsJson,
} from './results/present-results.js';
export {
  presentFramework,
  presentUnitSummary,
  presentUnitDetail,
  type UnitSummaryJson,
  type UnitDetailJson,
} from './results/present-unit.js';
export * from './tabular/table.js';
export { parseCsv, parseCsvSteps } from './tabular/csv.js';
export { parseFrameworkTable, officeList, type FrameworkTable } from './tabular/framework-table.js';
export { readPlanTable, type PlanTable, type PlanTableRow } from './tabular/plan-table.js';
export type { Plan, PlanArea, PlanRow, PlanRowDetails, PlanUnit } from './plans/plan.js';
export { PeerGroup } from './plans/peer-group.js';
export {
  buildPlan,
  buildPlans,
  plansOf,
  planForUnit,
  type PlanInput,
  type PlansOptions,
} from './plans/build-plan.js';
export { lastYearPointsOf } from './plans/last-year.js';
export {
  compareTargets,
  targetsSummary,
  type ComparedRow,
  type LastTarget,
  type TargetComparison,
  type TargetOutcome,
  type TargetsSummary,
} from './plans/last-targets.js';
export { planAreaSummary, planRowSummary, planTotalSummary } from './plans/plan-text.js';
export { presentPlan, type PlanJson } from './plans/present-plan.js';
export { parsePlanRequest, type PlanRequest } from './plans/plan-request.js';
export { parseScoresTable, headerCode, type ScoresTable } from './tabular/scores-table.js';
export { parsePreviousTable } from './tabular/previous-table.js';
export { parseLineageTable } from './tabular/lineage-table.js';
export {
  decimalInput,
  countInput,
  dateInput,
  formatPath,
  parseCount,
  parseDate,
  parseInput,
  toIssues,
} from './validation/parse-input.js';
export * from './access/policy.js';
export * from './access/api-tokens.js';
export * from './access/visibility.js';
export * from './audit/action-labels.js';
export * from './access/passwords.js';
export * from './time/vietnam-time.js';
export * from './periods/windows.js';
export * from './notifications/kinds.js';
export { dueReminderStage } from './notifications/reminder-stage.js';
export * from './periods/workflow.js';
export * from './periods/unit-steps.js';
export * from './periods/new-period.js';
export * from './units/unit-types.js';
export * from './units/offices.js';
export * from './units/name-search.js';
export { parseUnitsTable, unitsTableSteps, type UnitRowInput } from './tabular/units-table.js';
export * from './tabular/cell-rules.js';
export {
  EMAIL_ADDRESS,
  accountsTableSteps,
  parseAccountsTable,
  roleOf,
  type AccountRowInput,
} from './tabular/accounts-table.js';
export * from './surveys/questionnaire.js';
export {
  parseQuestionnaire,
  serializeQuestionnaire,
  SIPAS_DEFAULT_TARGETS,
  type QuestionnaireJson,
  type QuestionJson,
  type SipasJson,
} from './surveys/parse-questionnaire.js';
export { checkQuestionnaireAgainstFramework } from './surveys/check-questionnaire.js';
export {
  questionnaireWorkbook,
  parseQuestionnaireTables,
  QUESTIONNAIRE_SHEETS,
} from './surveys/questionnaire-table.js';
export { sampleSize, responseRate } from './surveys/sample-size.js';
export {
  answersFromKeys,
  keysFromAnswers,
  answerOf,
  optionIndex,
  allowedKeys,
} from './surveys/answers.js';
export {
  responseColumns,
  parseResponseRow,
  RESPONSE_HEADERS,
  type ResponseColumns,
  type ParsedResponseRow,
} from './surveys/response-table.js';
export {
  surveyLeafFacts,
  tallyResponses,
  emptyTally,
  addTallies,
  groupMean,
  type Tally,
  type SurveyFacts,
  type SurveyGroupFacts,
} from './surveys/tally.js';
export {
  sipasIndex,
  sipasFacts,
  type SipasIndex,
  type SipasElementIndex,
} from './surveys/sipas.js';
export {
  formatSurveyCode,
  normalizeSurveyCode,
  isSurveyCode,
  recheckSelected,
  compareAnswers,
  SURVEY_CODE_ALPHABET,
  SURVEY_CODE_LENGTH,
} from './surveys/codes.js';
export {
  answersRefusal,
  FINAL_REFUSALS,
  FORM_TOKEN_SPENT,
  SURVEY_REFUSALS,
} from './surveys/answering.js';
export * from './monitoring/monitoring.js';
export * from './monitoring/appendix-text.js';
export * from './tasks/status.js';
export * from './tasks/overdue.js';
export * from './tasks/leaf-task-count.js';
export * from './tasks/document-ref.js';
export {
  parseDispatchTable,
  parseDeadlineCell,
  type DispatchRow,
  type DispatchUnit,
} from './tasks/dispatch-table.js';
export {
  reportOptionsSchema,
  type ReportOptions,
  type ReportOptionsInput,
} from './reports/report-options.js';
export {
  isReportRequest,
  parseReportRequest,
  type ReportRequest,
} from './reports/report-request.js';
export { buildReport, buildReportView, reportText } from './reports/build-report.js';
export { defaultBlockName, type ReportSource } from './reports/report-blocks.js';
export { appendixCells } from './reports/report-appendix.js';
export {
  buildAppraisalRecord,
  type AppraisalRecordInput,
  type AppraisalRecordView,
} from './reports/appraisal-record.js';
export type * from './reports/report-view.js';
export {
  blockNames,
  buildCouncilDecision,
  councilDecisionText,
  issuerInSentence,
  type CouncilDecisionInput,
  type CouncilDecisionView,
  type DecisionBlock,
  type DecisionUnit,
} from './reports/council-decision.js';
export {
  buildSelfAssessmentReport,
  selfAssessmentReportText,
  type SelfAssessmentReportInput,
  type SelfAssessmentReportView,
  type SelfReportLeaf,
} from './reports/self-assessment-report.js';
export * from './statistics/catalogue.js';
export * from './statistics/statistics-table.js';
export * from './statistics/pushed-rows.js';
