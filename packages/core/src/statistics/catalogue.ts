import { Ratio } from '../decimal/ratio.js';

/**
 * The procedure (TTHC) statistics a one-stop system counts for a unit and a period (issue 12):
 * the measures (whole numbers) and the named statistics, each the ratio of two measures, that
 * ratio leaves may take their facts from instead of what the unit types.
 */

export const MEASURE_KEYS = [
  'received',
  'resolved',
  'resolvedOnTime',
  'resolvedLate',
  'receivedOnline',
  'receivedByPost',
  'resultsByPost',
  'procedures',
  'proceduresOnline',
  'proceduresByPost',
] as const;

export type MeasureKey = (typeof MEASURE_KEYS)[number];

export const MEASURE_LABELS: Readonly<Record<MeasureKey, string>> = {
  received: 'Số hồ sơ tiếp nhận',
  resolved: 'Số hồ sơ đã giải quyết',
  resolvedOnTime: 'Số hồ sơ đã giải quyết đúng hạn',
  resolvedLate: 'Số hồ sơ đã giải quyết quá hạn',
  receivedOnline: 'Số hồ sơ tiếp nhận trực tuyến',
  receivedByPost: 'Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích',
  resultsByPost: 'Số kết quả trả qua bưu chính',
  procedures: 'Số TTHC thực hiện',
  proceduresOnline: 'Số TTHC có hồ sơ trực tuyến',
  proceduresByPost: 'Số TTHC có hồ sơ qua bưu chính',
};

export const STATISTIC_KEYS = [
  'onTimeRate',
  'onlineProcedureRate',
  'postalProcedureRate',
  'postReturnRate',
  'onlineDossierRate',
] as const;

export type StatisticKey = (typeof STATISTIC_KEYS)[number];

export interface StatisticDefinition {
  numerator: MeasureKey;
  denominator: MeasureKey;
  label: string;
}

export const STATISTICS: Readonly<Record<StatisticKey, StatisticDefinition>> = {
  onTimeRate: {
    numerator: 'resolvedOnTime',
    denominator: 'resolved',
    label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  },
  onlineProcedureRate: {
    numerator: 'proceduresOnline',
    denominator: 'procedures',
    label: 'Tỷ lệ TTHC có hồ sơ trực tuyến',
  },
  postalProcedureRate: {
    numerator: 'proceduresByPost',
    denominator: 'procedures',
    label: 'Tỷ lệ TTHC có hồ sơ qua dịch vụ bưu chính công ích',
  },
  postReturnRate: {
    numerator: 'resultsByPost',
    denominator: 'resolved',
    label: 'Tỷ lệ kết quả trả qua bưu chính',
  },
  onlineDossierRate: {
    numerator: 'receivedOnline',
    denominator: 'received',
    label: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
  },
};

/** A unit's figures by measure; a measure the source did not give is absent. */
export type StatisticFigures = Partial<Record<MeasureKey, number>>;

export function isMeasureKey(value: string): value is MeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(value);
}

export function isStatisticKey(value: string): value is StatisticKey {
  return (STATISTIC_KEYS as readonly string[]).includes(value);
}

/**
 * The facts a ratio leaf ('ratioBands', 'proportional') takes from a statistic, in the shape
 * those rules' facts have: `{ numerator, denominator }` as whole-number text. Undefined when
 * either measure is missing from the figures.
 */
export function statisticFacts(
  statistic: StatisticKey,
  figures: StatisticFigures,
): { numerator: string; denominator: string } | undefined {
  const definition = STATISTICS[statistic];
  const numerator = figures[definition.numerator];
  const denominator = figures[definition.denominator];
  if (numerator === undefined || denominator === undefined) return undefined;
  return { numerator: String(numerator), denominator: String(denominator) };
}

/** Figures as stored (JSON) back to the catalogue's shape; unknown keys and non-integers dropped. */
export function figuresOf(json: unknown): StatisticFigures {
  const figures: StatisticFigures = {};
  if (json === null || typeof json !== 'object') return figures;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (isMeasureKey(key) && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
      figures[key] = value;
  }
  return figures;
}

/** The statistic in % (574 of 596 → 96,31…%), exact; undefined if a measure is missing or the whole is 0. */
export function statisticPercent(
  statistic: StatisticKey,
  figures: StatisticFigures,
): Ratio | undefined {
  const definition = STATISTICS[statistic];
  const numerator = figures[definition.numerator];
  const denominator = figures[definition.denominator];
  if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
  return Ratio.of(BigInt(numerator) * 100n, BigInt(denominator));
}

/**
 * Each part larger than its whole (on time more than resolved…), which the ratio rules would
 * refuse as facts, with the Vietnamese sentence that says so.
 */
export function partsOverWholes(
  figures: StatisticFigures,
): { part: MeasureKey; whole: MeasureKey; message: string }[] {
  const found: { part: MeasureKey; whole: MeasureKey; message: string }[] = [];
  for (const key of STATISTIC_KEYS) {
    const { numerator, denominator } = STATISTICS[key];
    const part = figures[numerator];
    const whole = figures[denominator];
    if (part !== undefined && whole !== undefined && part > whole) {
      found.push({
        part: numerator,
        whole: denominator,
        message: `${MEASURE_LABELS[numerator]} (${part}) lớn hơn ${MEASURE_LABELS[denominator]} (${whole})`,
      });
    }
  }
  return found;
}
