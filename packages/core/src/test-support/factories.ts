import { Decimal } from '../decimal/decimal.js';
import { buildFramework } from '../framework/build-framework.js';
import type { Framework, FrameworkNodeInput } from '../framework/framework.js';
import { DEFAULT_POLICY } from '../results/policy.js';
import type { ResultsInput } from '../results/compute-results.js';
import type { UnitInput } from '../results/score-unit.js';
import type { Rule } from '../rules/rule.js';

type NodeSpec = [code: string, max: string, rule?: Rule];

/** A framework from [code, max, rule?] triples; titles are generated. */
export function frameworkOf(
  specs: NodeSpec[],
  extra: Partial<FrameworkNodeInput>[] = [],
): Framework {
  return buildFramework({
    name: 'Bộ chỉ số thử nghiệm',
    nodes: specs.map(([code, max, rule], i) => ({
      code,
      title: `Mục ${code}`,
      maxPoints: Decimal.of(max),
      rule,
      ...extra[i],
    })),
  });
}

/** Two areas of 10: area 1 with leaves 1.1 (4) and 1.2 (6), area 2 with 2.1 (10). */
export const SMALL_FRAMEWORK: NodeSpec[] = [
  ['1', '10'],
  ['1.1', '4'],
  ['1.2', '6'],
  ['2', '10'],
  ['2.1', '10'],
];

export interface UnitSpec {
  id: string;
  name?: string;
  group?: string;
  type?: string;
  points?: Record<string, string>;
  facts?: Record<string, unknown>;
  notApplicable?: string[];
}

export function unitOf(spec: UnitSpec): UnitInput {
  return {
    id: spec.id,
    name: spec.name ?? `Đơn vị ${spec.id}`,
    group: spec.group,
    type: spec.type,
    points: new Map(
      Object.entries(spec.points ?? {}).map(([code, value]) => [code, Decimal.of(value)]),
    ),
    facts: new Map(Object.entries(spec.facts ?? {})),
    notApplicable: new Set(spec.notApplicable ?? []),
  };
}

export function resultsInputOf(
  framework: Framework,
  units: UnitSpec[],
  extra: Partial<ResultsInput> = {},
): ResultsInput {
  return { framework, policy: DEFAULT_POLICY, units: units.map(unitOf), ...extra };
}
