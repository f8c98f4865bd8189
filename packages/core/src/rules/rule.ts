import type { Decimal } from '../decimal/decimal.js';
import type { StatisticKey } from '../statistics/catalogue.js';

/**
 * How a leaf's facts become points. One variant per rule shape found in published
 * frameworks (see docs/decisions/0002-rule-shapes.md); parameters are data, never code.
 */
export type Rule =
  | PassFailRule
  | TimelinessRule
  | CountOnTimeRule
  | RatioBandsRule
  | ProportionalRule
  | RelativeToBestRule
  | PerItemRule
  | DeductionRule
  | BonusPenaltyRule
  | NoneAroseRule
  | NotApplicableWhenRule
  | SurveyRule
  | ExternalIndexRule
  | LowerUnitsRule
  | ManualRule;

export type RuleKind = Rule['kind'];

/** 1. Done / not done; with conditions, every one must hold (AND). */
export interface PassFailRule {
  kind: 'passFail';
  conditions: string[];
}

/** 2. Done by the deadline / done late / not done, each tier with its points. */
export interface TimelinessRule {
  kind: 'timeliness';
  /** ISO date; when given, a completion date decides the tier. */
  deadline?: string;
  /** Points when done late; on time earns the maximum. */
  latePoints: Decimal;
  notDonePoints: Decimal;
}

/** 3. A required number of items, each on time (e.g. all four periodic reports). */
export interface CountOnTimeRule {
  kind: 'countOnTime';
  required: number;
  /** When true, max × onTime / required; otherwise all or nothing. */
  partialCredit: boolean;
}

/** What a ratio rule does when the denominator is zero (nothing to count). */
export type ZeroDenominator = 'full' | 'zero' | 'notApplicable';

export interface RatioBand {
  /** Lower bound of the band, in percent. */
  minPercent: Decimal;
  /** When false the bound itself is excluded ("> 90%"). */
  inclusive: boolean;
  points: Decimal;
}

/** 4. numerator ÷ denominator falls into ordered bands (highest first), each with its points. */
export interface RatioBandsRule {
  kind: 'ratioBands';
  bands: RatioBand[];
  whenZeroDenominator: ZeroDenominator;
  /** The procedure statistic the facts come from (issue 12); absent: the unit enters them. */
  statistic?: StatisticKey;
}

/** 5. max × ratio, or full at/above a target and max × ratio ÷ target below it. */
export interface ProportionalRule {
  kind: 'proportional';
  fullAtPercent: Decimal;
  whenZeroDenominator: ZeroDenominator;
  /** The procedure statistic the facts come from (issue 12); absent: the unit enters them. */
  statistic?: StatisticKey;
}

/** 6. value ÷ best value in the peer group × max (or best ÷ value when lower is better). */
export interface RelativeToBestRule {
  kind: 'relativeToBest';
  higherIsBetter: boolean;
}

/** 7. Points per item up to a cap (1 point per initiative, at most 3). */
export interface PerItemRule {
  kind: 'perItem';
  pointsPerItem: Decimal;
  /** Defaults to the leaf's max. */
  cap?: Decimal;
}

/** 8. Deduction per occurrence from the max, down to a floor that may be below zero. */
export interface DeductionRule {
  kind: 'deduction';
  pointsPerOccurrence: Decimal;
  /** 0 by default; negative to let the penalty reach below the leaf. */
  minPoints: Decimal;
}

/** 9. Bonus and penalty outside the 100 points, each capped; the leaf's max is 0. */
export interface BonusPenaltyRule {
  kind: 'bonusPenalty';
  bonusCap: Decimal;
  penaltyCap: Decimal;
}

/** 10. "Không phát sinh": when nothing arose the leaf earns its max; otherwise the inner rule. */
export interface NoneAroseRule {
  kind: 'noneArose';
  otherwise: Rule;
}

/** 11. Not applicable for this unit: the leaf's max leaves the denominator. */
export interface NotApplicableWhenRule {
  kind: 'notApplicableWhen';
  /** When the leaf does not apply, in Vietnamese ("Đơn vị không có đơn vị sự nghiệp"). */
  condition: string;
  otherwise: Rule;
}

export interface SurveyGroupWeight {
  /** Respondent group key ("daiBieu", "nguoiDan"). */
  group: string;
  label: string;
  weight: Decimal;
}

/** 12. max × the weighted mean answer score (in %) of the chosen respondent groups. */
export interface SurveyRule {
  kind: 'survey';
  groups: SurveyGroupWeight[];
}

/** 13. An external index (e.g. SIPAS %) scaled to the leaf's max. */
export interface ExternalIndexRule {
  kind: 'externalIndex';
  /** Value that earns full points; 100 for a percentage. */
  fullAt: Decimal;
}

/** 14. From lower units' index results (a district scored on its communes). */
export interface LowerUnitsRule {
  kind: 'lowerUnits';
  aggregate: 'mean' | 'min' | 'shareAtLeast' | 'shareInBand';
  /** For shareAtLeast: the index % a lower unit must reach to count. */
  thresholdPercent?: Decimal;
  /** For shareInBand: the band's label in the lower period's results policy ("Từ 90% trở lên"). */
  band?: string;
  /**
   * Where the lower units' results come from: the published period of that unit type (of the
   * higher period's year unless given, or exactly `periodId`). Without a source the unit types
   * the percents itself.
   */
  source?: LowerUnitsSource;
}

export interface LowerUnitsSource {
  /** The lower units' type ("xa"). */
  unitType: string;
  /**
   * Other types of the same level whose results count too: a thị xã's wards ("phuong") beside
   * a huyện's communes, under one district framework (decision 0030).
   */
  alsoUnitTypes?: string[];
  year?: number;
  periodId?: string;
}

/** 15. An appraiser's number within [0, max] in a given step. */
export interface ManualRule {
  kind: 'manual';
  step?: Decimal;
}

/** Vietnamese names of the rule kinds, for screens and exports. */
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  passFail: 'Đạt / không đạt',
  timeliness: 'Đúng hạn / chậm / không thực hiện',
  countOnTime: 'Đủ số lượng, đúng hạn',
  ratioBands: 'Tỷ lệ theo mức',
  proportional: 'Tỷ lệ thuận',
  relativeToBest: 'So với đơn vị cao nhất',
  perItem: 'Điểm theo số lượng, có mức trần',
  deduction: 'Trừ điểm theo số lần vi phạm',
  bonusPenalty: 'Điểm thưởng / điểm trừ',
  noneArose: 'Không phát sinh thì đủ điểm',
  notApplicableWhen: 'Không áp dụng khi…',
  survey: 'Theo kết quả khảo sát',
  externalIndex: 'Theo chỉ số bên ngoài (SIPAS…)',
  lowerUnits: 'Theo kết quả đơn vị cấp dưới',
  manual: 'Chấm trực tiếp',
};
