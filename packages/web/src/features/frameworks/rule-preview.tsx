import { Alert, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { Decimal, innerRule, type Rule } from '@chiso/core';
import { useState } from 'react';
import { RuleInputs, type Facts } from '../assessment/rule-inputs';
import { previewRule } from '../assessment/use-preview';

/** Facts to start the preview from, so the outcome shows before anything is typed. */
function sampleFacts(rule: Rule): Facts {
  const scoring = innerRule(rule);
  switch (scoring.kind) {
    case 'passFail':
      return scoring.conditions.length === 0
        ? { passed: true }
        : { conditions: Object.fromEntries(scoring.conditions.map((c) => [c, true])) };
    case 'timeliness':
      return { status: 'onTime' };
    case 'countOnTime':
      return { onTime: String(Math.max(scoring.required - 1, 0)) };
    case 'ratioBands':
    case 'proportional':
      return { numerator: '95', denominator: '100' };
    case 'relativeToBest':
      return { value: '80' };
    case 'perItem':
      return { count: '2' };
    case 'deduction':
      return { occurrences: '1' };
    case 'bonusPenalty':
      return { bonus: '1', penalty: '0' };
    case 'survey':
      return { groups: Object.fromEntries(scoring.groups.map((g) => [g.group, { mean: '80' }])) };
    case 'externalIndex':
      return { value: '85' };
    case 'lowerUnits':
      return { percents: ['80', '90'] };
    case 'manual':
      return { points: '0' };
  }
}

/** What the facts the officer enters look like for a rule: its kinds, outermost first. */
const shapeOf = (rule: Rule): string =>
  rule.kind === 'noneArose' || rule.kind === 'notApplicableWhen'
    ? `${rule.kind}/${shapeOf(rule.otherwise)}`
    : rule.kind === 'passFail'
      ? `passFail/${rule.conditions.join('|')}`
      : rule.kind === 'survey'
        ? `survey/${rule.groups.map((g) => g.group).join('|')}`
        : rule.kind;

/**
 * The officer's view of the leaf while the rule is written: the very inputs of the
 * self-assessment, sample facts to play with, and the points the core gives them.
 */
export function RulePreview({
  rule,
  maxPoints,
  pointsDecimals,
}: {
  rule: Rule | undefined;
  maxPoints: string;
  pointsDecimals: number;
}) {
  const shape = rule ? shapeOf(rule) : '';
  const [state, setState] = useState<{ shape: string; facts: Facts }>({ shape: '', facts: {} });
  const [best, setBest] = useState('100');
  // A rule whose facts look different starts again from its sample.
  const facts = rule && state.shape !== shape ? sampleFacts(rule) : state.facts;
  const max = Decimal.of(maxPoints);
  const bestValue = Decimal.parse(best);
  const preview = rule
    ? previewRule(rule, facts, {
        maxPoints: max,
        pointsDecimals,
        best: bestValue.ok ? bestValue.value : undefined,
      })
    : undefined;
  return (
    <Card withBorder padding="md" bg="blue.0" aria-label="Xem trước như cán bộ đơn vị">
      <Stack gap="sm">
        <Title order={4} size="h5">
          Xem trước: đơn vị tự đánh giá
        </Title>
        {!rule && (
          <Text size="sm" c="dimmed">
            Sửa các tham số còn lỗi để xem trước cách đơn vị nhập số liệu và điểm được tính.
          </Text>
        )}
        {rule && (
          <>
            <Text size="sm" c="dimmed">
              Nhập thử số liệu như cán bộ đầu mối của đơn vị sẽ nhập; điểm được tính đúng như khi
              đơn vị tự đánh giá.
            </Text>
            <RuleInputs rule={rule} facts={facts} onChange={(f) => setState({ shape, facts: f })} />
            {innerRule(rule).kind === 'relativeToBest' && (
              <TextInput
                label="Giá trị tốt nhất trong nhóm (giả định)"
                value={best}
                onChange={(e) => setBest(e.currentTarget.value)}
                inputMode="decimal"
                w={280}
              />
            )}
            <div aria-live="polite">
              {preview?.text && (
                <Alert color={preview.notApplicable ? 'gray' : 'green'} p="xs">
                  <Text size="sm" fw={600}>
                    Điểm tạm tính: {preview.text}
                  </Text>
                </Alert>
              )}
              {preview?.problems.map((p) => (
                <Text key={p} size="sm" c="red">
                  {p}
                </Text>
              ))}
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}
