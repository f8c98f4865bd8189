import { Decimal, RULE_KIND_LABELS, ruleSchema, type RuleJson, type RuleKind } from '@chiso/core';

/**
 * A rule as the form edits it: the JSON the server takes, with decimals kept as typed ("0,95")
 * so that what a person writes stays on screen. The core's schema reads it as it is.
 */
export type Draft = Record<string, unknown>;

export const WRAPPER_KINDS: readonly RuleKind[] = ['noneArose', 'notApplicableWhen'];

/** A starting point for each kind, close to how plans usually write it. */
export const TEMPLATES: Record<RuleKind, Draft> = {
  manual: { kind: 'manual', step: '0,25' },
  passFail: { kind: 'passFail', conditions: [] },
  timeliness: { kind: 'timeliness', latePoints: '0,5', notDonePoints: '0' },
  countOnTime: { kind: 'countOnTime', required: 4, partialCredit: false },
  ratioBands: {
    kind: 'ratioBands',
    bands: [
      { minPercent: '100', inclusive: true, points: '1' },
      { minPercent: '0', inclusive: true, points: '0,5' },
    ],
    whenZeroDenominator: 'zero',
  },
  proportional: { kind: 'proportional', fullAtPercent: '100', whenZeroDenominator: 'zero' },
  relativeToBest: { kind: 'relativeToBest', higherIsBetter: true },
  perItem: { kind: 'perItem', pointsPerItem: '1' },
  deduction: { kind: 'deduction', pointsPerOccurrence: '0,5', minPoints: '0' },
  bonusPenalty: { kind: 'bonusPenalty', bonusCap: '2', penaltyCap: '3' },
  noneArose: { kind: 'noneArose', otherwise: { kind: 'proportional' } },
  notApplicableWhen: {
    kind: 'notApplicableWhen',
    condition: 'đơn vị không có thủ tục hành chính',
    otherwise: { kind: 'manual' },
  },
  survey: {
    kind: 'survey',
    groups: [{ group: 'nguoiDan', label: 'Người dân, tổ chức', weight: '1' }],
  },
  externalIndex: { kind: 'externalIndex', fullAt: '100' },
  lowerUnits: { kind: 'lowerUnits', aggregate: 'mean' },
};

export const KIND_OPTIONS = Object.entries(RULE_KIND_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const isDraft = (value: unknown): value is Draft =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A decimal as a person types it: "0,95", never "0.950000". */
export const decimalDraft = (value: Decimal) => value.toString().replace('.', ',');

function toDraftValue(value: unknown): unknown {
  if (value instanceof Decimal) return decimalDraft(value);
  if (Array.isArray(value)) return value.map(toDraftValue);
  if (isDraft(value)) {
    const out: Draft = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = toDraftValue(inner);
    }
    return out;
  }
  return value;
}

/**
 * A stored rule as the form shows it: defaults filled in, decimals with a comma. A rule the
 * core cannot read (it should not happen) is shown as it was stored, for the JSON view.
 */
export function toDraft(rule: RuleJson | null): Draft {
  if (rule === null) return { ...TEMPLATES.manual };
  const parsed = ruleSchema.safeParse(rule);
  return parsed.success ? (toDraftValue(parsed.data) as Draft) : { ...rule };
}

export const kindOf = (draft: Draft): RuleKind | null =>
  typeof draft.kind === 'string' && draft.kind in RULE_KIND_LABELS
    ? (draft.kind as RuleKind)
    : null;

/**
 * The draft after choosing another kind: a wrapper wraps the rule already written; choosing the
 * kind a wrapper holds unwraps it; any other kind starts from its template.
 */
export function changeKind(draft: Draft, kind: RuleKind): Draft {
  const current = kindOf(draft);
  if (current === kind) return draft;
  const inner = isDraft(draft.otherwise) ? draft.otherwise : undefined;
  if (WRAPPER_KINDS.includes(kind)) {
    const wrapped = current && !WRAPPER_KINDS.includes(current) ? draft : inner;
    return { ...TEMPLATES[kind], ...(wrapped ? { otherwise: wrapped } : {}) };
  }
  if (inner && kindOf(inner) === kind) return inner;
  return structuredClone(TEMPLATES[kind]);
}

/** The draft with one parameter set; empty text removes it, so the core's default applies. */
export function withParam(draft: Draft, key: string, value: unknown): Draft {
  const next = { ...draft };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Text of a parameter for an input: numbers and strings as they are, anything else empty. */
export const paramText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value).replace('.', ',') : '';
