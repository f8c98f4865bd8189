import { Select, Stack, Text, Textarea } from '@mantine/core';
import {
  checkRule,
  Decimal,
  describeRule,
  RULE_KIND_LABELS,
  ruleSchema,
  toIssues,
  type RuleKind,
} from '@chiso/core';
import { useMemo } from 'react';

/** A starting point for each kind, in the JSON the server stores. */
const TEMPLATES: Record<RuleKind, unknown> = {
  manual: { kind: 'manual', step: '0,25' },
  passFail: { kind: 'passFail', conditions: [] },
  timeliness: { kind: 'timeliness', deadline: '2025-01-31', latePoints: '0,5', notDonePoints: 0 },
  countOnTime: { kind: 'countOnTime', required: 4, partialCredit: false },
  ratioBands: {
    kind: 'ratioBands',
    bands: [
      { minPercent: 100, points: 1 },
      { minPercent: 0, points: '0,95' },
    ],
    whenZeroDenominator: 'zero',
  },
  proportional: { kind: 'proportional', fullAtPercent: 100, whenZeroDenominator: 'zero' },
  relativeToBest: { kind: 'relativeToBest', higherIsBetter: true },
  perItem: { kind: 'perItem', pointsPerItem: 1 },
  deduction: { kind: 'deduction', pointsPerOccurrence: '0,5', minPoints: 0 },
  bonusPenalty: { kind: 'bonusPenalty', bonusCap: 2, penaltyCap: 3 },
  noneArose: { kind: 'noneArose', otherwise: { kind: 'proportional' } },
  notApplicableWhen: {
    kind: 'notApplicableWhen',
    condition: 'đơn vị không có thủ tục hành chính',
    otherwise: { kind: 'manual' },
  },
  survey: {
    kind: 'survey',
    groups: [{ group: 'nguoiDan', label: 'Người dân, tổ chức', weight: 1 }],
  },
  externalIndex: { kind: 'externalIndex', fullAt: 100 },
  lowerUnits: { kind: 'lowerUnits', aggregate: 'mean' },
};

interface Props {
  value: string;
  onChange: (json: string) => void;
  maxPoints: string;
}

/** Checks a rule as written: problems in Vietnamese, or how it scores, in one sentence. */
export function useRuleCheck(json: string, maxPoints: string) {
  return useMemo(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return { ok: false as const, problems: ['Quy tắc chưa đúng cú pháp JSON'] };
    }
    const result = ruleSchema.safeParse(parsed);
    if (!result.success)
      return {
        ok: false as const,
        problems: toIssues(result.error).map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`),
      };
    const max = Decimal.of(maxPoints);
    const problems = checkRule(result.data, max);
    if (problems.length > 0) return { ok: false as const, problems };
    return { ok: true as const, rule: parsed, text: describeRule(result.data, max) };
  }, [json, maxPoints]);
}

/** Choose a kind to start from its template, then adjust the parameters; checked as typed. */
export function RuleEditor({ value, onChange, maxPoints }: Props) {
  const check = useRuleCheck(value, maxPoints);
  let kind: string | null = null;
  try {
    kind = (JSON.parse(value) as { kind?: string }).kind ?? null;
  } catch {
    kind = null;
  }
  return (
    <Stack gap="xs">
      <Select
        label="Loại quy tắc chấm"
        data={Object.entries(RULE_KIND_LABELS).map(([k, label]) => ({ value: k, label }))}
        value={kind}
        onChange={(k) => {
          if (k) onChange(JSON.stringify(TEMPLATES[k as RuleKind], null, 2));
        }}
      />
      <Textarea
        label="Tham số (JSON)"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={4}
        ff="monospace"
      />
      {check.ok ? (
        <Text size="sm" c="green.8">
          {check.text}
        </Text>
      ) : (
        check.problems.map((p) => (
          <Text key={p} size="sm" c="red">
            {p}
          </Text>
        ))
      )}
    </Stack>
  );
}
