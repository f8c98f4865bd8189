import {
  buildReport,
  DomainError,
  ERROR_CODES,
  reportOptionsSchema,
  vietnamDate,
  type ReportOptionsInput,
  type ReportSource,
  type ReportView,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findPeriod, listWindows, type PeriodRow } from '../../repositories/periods.js';
import { countResponses, findPeriodReport } from '../../repositories/reports.js';
import { loadReportData, type ReportData } from './report-sources.js';

/** What the period's data fills in: never typed, never overridden by the stored options. */
export const DERIVED_KEYS = ['year', 'draft', 'survey', 'windows'] as const;

export async function requirePeriod(db: Db, periodId: string): Promise<PeriodRow> {
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  return period;
}

/** The stored options as the secretariat saved them (reportOptionsSchema's input). */
export async function storedOptions(
  db: Db,
  periodId: string,
): Promise<{ options: ReportOptionsInput; version: number; updatedAt: Date | null }> {
  const row = await findPeriodReport(db, periodId);
  return row
    ? { options: row.options as ReportOptionsInput, version: row.version, updatedAt: row.updatedAt }
    : { options: {}, version: 0, updatedAt: null };
}

const collator = new Intl.Collator('vi');

/** The last instant of a window as a calendar day: a window closing at 24:00 ends that day. */
const lastDay = (closesAt: number) => vietnamDate(closesAt - 1);

/**
 * The windows and the survey sample from what the period holds: the self-assessment and
 * appraisal windows as set, the responses received per block and respondent group.
 */
export async function derivedOptions(
  db: Db,
  period: PeriodRow,
  data: ReportData,
): Promise<Pick<ReportOptionsInput, (typeof DERIVED_KEYS)[number]>> {
  const [windows, counts] = await Promise.all([
    listWindows(db, period.id),
    countResponses(db, period.id),
  ]);
  const window = (kind: 'selfAssessment' | 'appraisal') => {
    const w = windows.find((x) => x.kind === kind);
    return w ? { from: vietnamDate(w.opensAt), to: lastDay(w.closesAt) } : undefined;
  };
  const survey = new Map<string, { label: string; count: number }[]>();
  for (const row of counts) {
    const list = survey.get(row.peerGroup) ?? [];
    list.push({ label: row.groupLabel, count: row.count });
    survey.set(row.peerGroup, list);
  }
  const selfAssessment = window('selfAssessment');
  const appraisal = window('appraisal');
  return {
    year: period.year,
    draft: data.draft,
    windows: {
      ...(selfAssessment ? { selfAssessment } : {}),
      ...(appraisal ? { appraisal } : {}),
    },
    // The largest groups of respondents first, as seed 001 lists them; then by name.
    survey: [...survey].map(([group, respondents]) => ({
      group,
      respondents: respondents.sort(
        (a, b) => b.count - a.count || collator.compare(a.label, b.label),
      ),
    })),
  };
}

/**
 * The report of a period as the core words it: the stored options with what the period
 * fills in, over the results (published or, marked draft, approved). Options naming a block
 * or an area the period no longer has are dropped from the text rather than failing it.
 */
export async function periodReportView(
  ctx: UseCaseContext,
  period: PeriodRow,
  data: ReportData,
  options: ReportOptionsInput,
): Promise<{ view: ReportView; derived: Awaited<ReturnType<typeof derivedOptions>> }> {
  const derived = await derivedOptions(ctx.deps.db, period, data);
  const parsed = reportOptionsSchema.parse(cleanOptions({ ...options, ...derived }, data.sources));
  return { view: buildReport(data.sources, parsed, vietnamDate(ctx.now.getTime())), derived };
}

function cleanOptions(options: ReportOptionsInput, sources: readonly ReportSource[]) {
  const groups = new Set(sources.flatMap((s) => s.results.units.map((u) => u.group ?? '')));
  const areas = new Set(sources.flatMap((s) => s.framework.areas.map((a) => a.code)));
  const codes = options.review?.areaCodes?.filter((code) => areas.has(code));
  return {
    ...options,
    blocks: options.blocks?.filter((b) => groups.has(b.group)),
    survey: options.survey?.filter((s) => groups.has(s.group)),
    ...(options.review
      ? { review: { ...options.review, areaCodes: codes && codes.length > 0 ? codes : undefined } }
      : {}),
  };
}

export { loadReportData };
