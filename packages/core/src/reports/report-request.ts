import { z } from 'zod';
import type { Decimal } from '../decimal/decimal.js';
import { formatExact } from '../format/format.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import type { ResultsInput } from '../results/compute-results.js';
import { parseResultsRequest } from '../results/request.js';
import { decimalInput, toIssues } from '../validation/parse-input.js';
import { reportOptionsSchema, type ReportOptions } from './report-options.js';

/** What a unit of a `chiso report` request may add for the appendix. */
const unitReportSchema = z.strictObject({
  /** The unit's self-assessed points by leaf code; a leaf not named kept the final points. */
  selfAssessed: z.record(z.string(), decimalInput).optional(),
  /** The appraiser's reason by node code ("Thiếu báo cáo quý IV"). */
  reasons: z.record(z.string(), z.string().trim().min(1)).optional(),
});

export interface ReportRequest {
  results: ResultsInput;
  options: ReportOptions;
  /** Self-assessed points by unit id, then leaf code. */
  selfAssessed: Map<string, Map<string, Decimal>>;
  /** Reasons by unit id, then node code. */
  reasons: Map<string, Map<string, string>>;
}

/**
 * The JSON request of `chiso report --input`: the `chiso results` request with an optional
 * top-level `report` object and, on each unit, optional `selfAssessed` and `reasons`. These
 * are taken off before the results request is read (so that its quick reader still applies)
 * and checked with their paths; codes are checked against the framework afterwards.
 */
export function parseReportRequest(json: unknown): ReportRequest {
  const issues: Issue[] = [];
  const selfAssessed = new Map<string, Map<string, Decimal>>();
  const reasons = new Map<string, Map<string, string>>();
  let stripped = json;
  let options: ReportOptions | undefined;
  if (isRecord(json)) {
    const { report, ...rest } = json;
    const parsedOptions = reportOptionsSchema.safeParse(report ?? {});
    if (parsedOptions.success) options = parsedOptions.data;
    else issues.push(...toIssues(parsedOptions.error, 'report'));
    stripped = rest;
    if (Array.isArray(rest.units)) {
      const units = (rest.units as unknown[]).map((unit, i) => {
        if (!isRecord(unit)) return unit;
        const { selfAssessed: self, reasons: why, ...unitRest } = unit;
        const parsed = unitReportSchema.safeParse({ selfAssessed: self, reasons: why });
        if (!parsed.success) {
          issues.push(...toIssues(parsed.error, `units[${i}]`));
          return unitRest;
        }
        const id = typeof unitRest.id === 'string' ? unitRest.id.trim() : '';
        if (parsed.data.selfAssessed) {
          selfAssessed.set(id, new Map(Object.entries(parsed.data.selfAssessed)));
        }
        if (parsed.data.reasons) reasons.set(id, new Map(Object.entries(parsed.data.reasons)));
        return unitRest;
      });
      stripped = { ...rest, units };
    }
  }
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Yêu cầu lập báo cáo không hợp lệ',
      issues,
    );
  }
  const results = parseResultsRequest(stripped);
  const resolved = options ?? reportOptionsSchema.parse({});
  checkCodes(results, resolved, selfAssessed, reasons);
  return { results, options: resolved, selfAssessed, reasons };
}

/** Codes and groups named by the report must exist, or the text would silently leave them out. */
function checkCodes(
  results: ResultsInput,
  options: ReportOptions,
  selfAssessed: ReadonlyMap<string, ReadonlyMap<string, Decimal>>,
  reasons: ReadonlyMap<string, ReadonlyMap<string, string>>,
): void {
  const { framework } = results;
  const issues: Issue[] = [];
  const areaCodes = new Set(framework.areas.map((a) => a.code));
  options.review.areaCodes.forEach((code, i) => {
    if (!areaCodes.has(code)) {
      issues.push({
        path: `report.review.areaCodes[${i}]`,
        message: `không có lĩnh vực mã "${code}" trong bộ chỉ số`,
      });
    }
  });
  const groups = new Set(results.units.map((u) => u.group ?? ''));
  const named = (list: readonly { group: string }[], path: string) =>
    list.forEach((block, i) => {
      if (!groups.has(block.group)) {
        issues.push({
          path: `${path}[${i}].group`,
          message: `không có đơn vị nào thuộc khối (nhóm xếp hạng) "${block.group}"`,
        });
      }
    });
  named(options.blocks, 'report.blocks');
  named(options.survey, 'report.survey');
  results.units.forEach((unit, i) => {
    for (const code of selfAssessed.get(unit.id)?.keys() ?? []) {
      const node = framework.byCode.get(code);
      if (!node || node.children.length > 0) {
        issues.push({
          path: `units[${i}].selfAssessed.${code}`,
          message: node
            ? `"${code}" không phải tiêu chí thành phần: điểm tự đánh giá ghi cho từng tiêu chí thành phần`
            : `không có mã "${code}" trong bộ chỉ số`,
        });
      } else {
        const points = selfAssessed.get(unit.id)?.get(code);
        if (points && (points.isNegative() || points.gt(node.maxPoints))) {
          issues.push({
            path: `units[${i}].selfAssessed.${code}`,
            message: `điểm tự đánh giá phải từ 0 đến ${formatExact(node.maxPoints)}`,
          });
        }
      }
    }
    for (const code of reasons.get(unit.id)?.keys() ?? []) {
      if (!framework.byCode.has(code)) {
        issues.push({
          path: `units[${i}].reasons.${code}`,
          message: `không có mã "${code}" trong bộ chỉ số`,
        });
      }
    }
  });
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Yêu cầu lập báo cáo không hợp lệ',
      issues,
    );
  }
}

/**
 * Whether a request carries what only `chiso report` reads (a `report` object, a unit's
 * `selfAssessed` or `reasons`): `chiso results` then reads it through `parseReportRequest`,
 * so that one file serves both commands.
 */
export function isReportRequest(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if (json.report !== undefined) return true;
  return (
    Array.isArray(json.units) &&
    json.units.some((unit) => isRecord(unit) && ('selfAssessed' in unit || 'reasons' in unit))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
