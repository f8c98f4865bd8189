import {
  buildFramework,
  Decimal,
  DEFAULT_POLICY,
  serializeRule,
  type Framework,
  type FrameworkInput,
  type FrameworkNodeInput,
  type LineageLink,
  type PreviousResult,
  type Rule,
  type UnitInput,
} from '@chiso/core';

/** A deterministic generator, so that every run scores the same province. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const AREAS = 8;
const CRITERIA_PER_AREA = 5;
const LEAVES_PER_CRITERION = [3, 2, 2, 2, 2]; // 11 per area, 88 in all, plus two bonus leaves = 90

const d = (value: string | number) => Decimal.of(value);

/** A 90-leaf framework mixing direct points and rules evaluated from facts. */
export function benchFrameworkInput(): FrameworkInput {
  const nodes: FrameworkNodeInput[] = [];
  const rules: Rule[] = [
    { kind: 'manual', step: d('0.25') },
    {
      kind: 'ratioBands',
      whenZeroDenominator: 'zero',
      bands: [
        { minPercent: d(100), inclusive: true, points: d(1) },
        { minPercent: d(0), inclusive: true, points: d('0.95') },
      ],
    },
    { kind: 'proportional', fullAtPercent: d(80), whenZeroDenominator: 'full' },
    { kind: 'timeliness', deadline: '2025-01-31', latePoints: d('0.5'), notDonePoints: d(0) },
    { kind: 'deduction', pointsPerOccurrence: d('0.25'), minPoints: d(0) },
  ];
  for (let a = 1; a <= AREAS; a++) {
    const areaIndex = nodes.length;
    nodes.push({ code: `${a}`, title: `Lĩnh vực ${a}`, maxPoints: d(0) });
    let areaMax = Decimal.ZERO;
    for (let c = 1; c <= CRITERIA_PER_AREA; c++) {
      const criterionIndex = nodes.length;
      nodes.push({ code: `${a}.${c}`, title: `Tiêu chí ${a}.${c}`, maxPoints: d(0) });
      let criterionMax = Decimal.ZERO;
      for (let l = 1; l <= (LEAVES_PER_CRITERION[c - 1] ?? 1); l++) {
        const rule = rules[(a + c + l) % rules.length];
        nodes.push({ code: `${a}.${c}.${l}`, title: `TCTP ${a}.${c}.${l}`, maxPoints: d(1), rule });
        criterionMax = criterionMax.plus(d(1));
      }
      nodes[criterionIndex] = { ...nodes[criterionIndex]!, maxPoints: criterionMax };
      areaMax = areaMax.plus(criterionMax);
    }
    nodes[areaIndex] = { ...nodes[areaIndex]!, maxPoints: areaMax };
  }
  nodes.push({ code: '9', title: 'Điểm thưởng, điểm trừ', maxPoints: d(0) });
  const bonus: Rule = { kind: 'bonusPenalty', bonusCap: d(2), penaltyCap: d(3) };
  nodes.push({ code: '9.1', title: 'Điểm thưởng', maxPoints: d(0), rule: bonus });
  nodes.push({ code: '9.2', title: 'Điểm trừ', maxPoints: d(0), rule: bonus });
  return { name: 'Bộ chỉ số đo hiệu năng', nodes };
}

export function benchFramework(): Framework {
  return buildFramework(benchFrameworkInput());
}

export interface BenchWorld {
  units: UnitInput[];
  previous: PreviousResult[];
  lineage: LineageLink[];
}

/**
 * `count` units in three peer groups, with last year's results; every tenth unit is new,
 * formed from two old ones.
 */
export function benchUnits(framework: Framework, count: number): BenchWorld {
  const random = prng(2025);
  const groups = ['xa', 'phuong', 'so'];
  const units: UnitInput[] = [];
  const previous: PreviousResult[] = [];
  const lineage: LineageLink[] = [];
  for (let i = 0; i < count; i++) {
    const points = new Map<string, Decimal>();
    const facts = new Map<string, unknown>();
    for (const leaf of framework.leaves) {
      switch (leaf.rule?.kind) {
        case 'ratioBands':
        case 'proportional': {
          const denominator = 50 + Math.floor(random() * 2000);
          facts.set(leaf.code, {
            numerator: Math.floor(denominator * (0.6 + random() * 0.4)),
            denominator,
          });
          break;
        }
        case 'timeliness':
          facts.set(leaf.code, { completedOn: random() < 0.8 ? '2025-01-20' : '2025-02-10' });
          break;
        case 'deduction':
          facts.set(leaf.code, { occurrences: Math.floor(random() * 4) });
          break;
        case 'bonusPenalty':
          facts.set(leaf.code, { bonus: String(Math.floor(random() * 3)), penalty: '0' });
          break;
        default:
          points.set(leaf.code, Decimal.of('0.25').timesInt(Math.floor(random() * 5)));
      }
    }
    const id = `u${i}`;
    units.push({
      id,
      name: `Đơn vị ${i}`,
      group: groups[i % 3],
      type: undefined,
      points,
      facts,
      notApplicable: new Set(),
    });
    const oldIds = i % 10 === 0 ? [`old${i}a`, `old${i}b`] : [id];
    if (oldIds.length > 1) lineage.push({ id, from: oldIds, primary: undefined });
    for (const oldId of oldIds) {
      previous.push({
        id: oldId,
        percent: Decimal.of((70 + random() * 25).toFixed(3)),
        rank: 1 + Math.floor(random() * 1300),
        areas: new Map(
          framework.areas.map((a) => [a.code, Decimal.of((60 + random() * 40).toFixed(2))]),
        ),
      });
    }
  }
  return { units, previous, lineage };
}

const decimalJson = (value: Decimal) => value.toString();

/**
 * The same province as the JSON request `chiso results --input` reads, with the default
 * policy written out so that the floor applies the same bands, ratings and flags.
 */
export function benchRequest(count: number): unknown {
  const input = benchFrameworkInput();
  const framework = buildFramework(input);
  const world = benchUnits(framework, count);
  return {
    framework: {
      name: input.name,
      nodes: input.nodes.map((node) => ({
        code: node.code,
        title: node.title,
        maxPoints: decimalJson(node.maxPoints),
        ...(node.rule === undefined ? {} : { rule: serializeRule(node.rule) }),
      })),
    },
    policy: {
      bands: DEFAULT_POLICY.bands.map((b) => ({
        label: b.label,
        minPercent: decimalJson(b.minPercent),
      })),
      headRating: DEFAULT_POLICY.headRating.map((l) => ({
        label: l.label,
        minPercent: decimalJson(l.minPercent),
        minAreaPercent: decimalJson(l.minAreaPercent),
      })),
      flags: DEFAULT_POLICY.flags.map((f) => ({
        label: f.label,
        areaCodes: f.areaCodes,
        belowPercent: decimalJson(f.belowPercent),
      })),
    },
    units: world.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      ...(unit.group === undefined ? {} : { group: unit.group }),
      points: Object.fromEntries([...unit.points].map(([code, p]) => [code, decimalJson(p)])),
      facts: Object.fromEntries(unit.facts),
    })),
    previous: world.previous.map((p) => ({
      id: p.id,
      ...(p.percent === undefined ? {} : { percent: decimalJson(p.percent) }),
      ...(p.rank === undefined ? {} : { rank: p.rank }),
      areas: Object.fromEntries([...p.areas].map(([code, v]) => [code, decimalJson(v)])),
    })),
    lineage: world.lineage.map((link) => ({ id: link.id, from: link.from })),
  };
}
