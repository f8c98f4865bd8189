import { Decimal } from '../decimal/decimal.js';
import { formatDate, formatThreshold } from '../format/format.js';
import { unitTypeLabel } from '../units/unit-types.js';
import { exact } from './outcome.js';
import type { LowerUnitsRule, LowerUnitsSource, Rule } from './rule.js';
import { STATISTICS, type StatisticKey } from '../statistics/catalogue.js';

/** One Vietnamese sentence saying how the leaf is scored, for forms, guidance and exports. */
export function describeRule(rule: Rule, maxPoints: Decimal): string {
  const max = exact(maxPoints);
  switch (rule.kind) {
    case 'passFail':
      return rule.conditions.length === 0
        ? `Đạt: ${max} điểm; không đạt: 0 điểm`
        : `Đạt đủ các điều kiện (${rule.conditions.join('; ')}): ${max} điểm; thiếu một điều kiện: 0 điểm`;
    case 'timeliness':
      return `Đúng hạn${rule.deadline ? ` (${formatDate(rule.deadline)})` : ''}: ${max} điểm; chậm: ${exact(rule.latePoints)} điểm; không thực hiện: ${exact(rule.notDonePoints)} điểm`;
    case 'countOnTime':
      return rule.partialCredit
        ? `${max} điểm × số đúng hạn ÷ ${rule.required}`
        : `Đủ ${rule.required}, đúng hạn: ${max} điểm; còn lại: 0 điểm`;
    case 'ratioBands':
      return rule.bands
        .map(
          (b) =>
            `${b.inclusive ? '≥' : '>'} ${formatThreshold(b.minPercent)}: ${exact(b.points)} điểm`,
        )
        .concat(coversEverything(rule.bands) ? [] : ['thấp hơn: 0 điểm'])
        .join('; ')
        .concat(statisticSource(rule.statistic));
    case 'proportional':
      return rule.fullAtPercent.equals(Decimal.HUNDRED)
        ? `${max} điểm × tỷ lệ đạt được${statisticSource(rule.statistic)}`
        : `Từ ${formatThreshold(rule.fullAtPercent)} trở lên: ${max} điểm; thấp hơn: ${max} × tỷ lệ ÷ ${formatThreshold(rule.fullAtPercent)}${statisticSource(rule.statistic)}`;
    case 'relativeToBest':
      return rule.higherIsBetter
        ? `${max} điểm × giá trị ÷ giá trị cao nhất trong nhóm`
        : `${max} điểm × giá trị thấp nhất trong nhóm ÷ giá trị`;
    case 'perItem':
      return `${exact(rule.pointsPerItem)} điểm mỗi kết quả, tối đa ${exact((rule.cap ?? maxPoints).min(maxPoints))} điểm`;
    case 'deduction':
      return `${max} điểm, trừ ${exact(rule.pointsPerOccurrence)} điểm mỗi trường hợp, thấp nhất ${exact(rule.minPoints)} điểm`;
    case 'bonusPenalty':
      return `Điểm thưởng tối đa ${exact(rule.bonusCap)}, điểm trừ tối đa ${exact(rule.penaltyCap)} (ngoài thang điểm)`;
    case 'noneArose':
      return `Không phát sinh: ${max} điểm; nếu phát sinh: ${describeRule(rule.otherwise, maxPoints)}`;
    case 'notApplicableWhen':
      return `Không áp dụng khi ${rule.condition}; còn lại: ${describeRule(rule.otherwise, maxPoints)}`;
    case 'survey':
      return `${max} điểm × điểm bình quân khảo sát (${rule.groups.map((g) => `${g.label} × ${exact(g.weight)}`).join(', ')})`;
    case 'externalIndex':
      return `${max} điểm × chỉ số ÷ ${exact(rule.fullAt)}`;
    case 'lowerUnits':
      return `${max} điểm × ${describeLowerAggregate(rule)}${describeLowerSource(rule.source)}`;
    case 'manual':
      return `Chấm trực tiếp từ 0 đến ${max} điểm${rule.step ? `, bước ${exact(rule.step)}` : ''}`;
  }
}

/** A last band of "≥ 0%" leaves nothing below it to describe. */
function coversEverything(bands: readonly { minPercent: Decimal; inclusive: boolean }[]): boolean {
  const last = bands[bands.length - 1];
  return last !== undefined && last.inclusive && last.minPercent.isZero();
}

function describeLowerAggregate(rule: LowerUnitsRule): string {
  switch (rule.aggregate) {
    case 'mean':
      return 'bình quân chỉ số của các đơn vị cấp dưới';
    case 'min':
      return 'chỉ số thấp nhất của các đơn vị cấp dưới';
    case 'shareAtLeast':
      return `tỷ lệ đơn vị cấp dưới đạt từ ${formatThreshold(rule.thresholdPercent ?? Decimal.ZERO)}`;
    case 'shareInBand':
      return `tỷ lệ đơn vị cấp dưới thuộc nhóm "${rule.band ?? ''}"`;
  }
}

/** The source in words: "lấy từ kết quả công bố của đơn vị loại xa, năm 2025". */
export function describeLowerSource(source: LowerUnitsSource | undefined): string {
  if (source === undefined) return '';
  const when =
    source.periodId !== undefined
      ? ', kỳ đánh giá đã chọn'
      : source.year !== undefined
        ? `, năm ${source.year}`
        : ', cùng năm với kỳ đánh giá';
  return ` (lấy từ kết quả đã công bố của ${lowerSourceKinds(source)}${when})`;
}

/** "UBND xã", or "UBND xã và UBND phường" when the source takes several unit types. */
export function lowerSourceKinds(source: LowerUnitsSource): string {
  const labels = [source.unitType, ...(source.alsoUnitTypes ?? [])].map(unitTypeLabel);
  const last = labels.pop() ?? '';
  return labels.length === 0 ? last : `${labels.join(', ')} và ${last}`;
}

/** " (theo số liệu thống kê TTHC: …)" for a ratio leaf fed by a procedure statistic. */
function statisticSource(statistic: StatisticKey | undefined): string {
  return statistic === undefined
    ? ''
    : ` (theo số liệu thống kê TTHC: ${STATISTICS[statistic].label})`;
}
