import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { APPRAISAL_KIND_LABELS, Decimal, pointsRange, ruleSchema } from '@chiso/core';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AppraisalKind, EntryView, FrameworkNodeView } from '../../api/types';
import { exactInput, points } from '../../lib/format';
import { RuleInputs, type Facts } from '../assessment/rule-inputs';
import { usePreview } from '../assessment/use-preview';

/** The API body for an outcome: exactly one of the four, with the reason. */
export function outcomeBody(
  state: OutcomeState,
  reasonKey: 'comment' | 'reason',
): Record<string, unknown> {
  const reason = state.reason.trim();
  const base = { [reasonKey]: reason === '' && reasonKey === 'comment' ? null : reason };
  switch (state.kind) {
    case 'accepted':
      return { ...base, outcome: 'accepted' };
    case 'missing':
      return { ...base, outcome: 'missing' };
    case 'facts':
      return { ...base, facts: state.facts };
    case 'points':
      return { ...base, points: state.points.trim().replace(',', '.') };
  }
}

export interface OutcomeState {
  kind: AppraisalKind;
  facts: Facts;
  points: string;
  reason: string;
}

/**
 * Starts from what was decided before, or from the unit's own outcome; the reason too, unless
 * a new reason is owed (a correction after publication states its own).
 */
export function useOutcomeState(entry: EntryView, keepReason = true) {
  return useState<OutcomeState>(() => ({
    kind: entry.appraisal?.kind ?? 'accepted',
    facts: entry.appraisal?.facts ?? entry.facts ?? {},
    points: exactInput(entry.appraisal?.points ?? entry.selfPoints),
    reason: keepReason ? (entry.appraisal?.comment ?? '') : '',
  }));
}

/**
 * What an appraiser (or, after publication, the administrator) decides for a leaf: the
 * leaf's whole outcome, with the core's working of it shown live, and the reason the unit
 * will read where the outcome differs from its own.
 */
export function OutcomeForm({
  node,
  entry,
  pointsDecimals,
  state,
  onChange,
  disabled,
  reasonLabel,
  onSubmitKey,
}: {
  node: FrameworkNodeView;
  entry: EntryView;
  pointsDecimals: number;
  state: OutcomeState;
  onChange: (state: OutcomeState) => void;
  disabled: boolean;
  reasonLabel: string;
  /** Ctrl+Enter in a field. */
  onSubmitKey?: () => void;
}) {
  const rule = useMemo(() => (node.rule ? ruleSchema.parse(node.rule) : undefined), [node.rule]);
  // The range the server accepts: below 0 for a penalty, the rule's own bounds for a bonus.
  const range = useMemo(
    () => pointsRange(rule, Decimal.of(node.maxPoints)),
    [rule, node.maxPoints],
  );
  const own = usePreview(node, entry.facts ?? {}, pointsDecimals);
  const corrected = usePreview(node, state.facts, pointsDecimals);
  const set = (changes: Partial<OutcomeState>) => onChange({ ...state, ...changes });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmitKey?.();
  };
  const reason = state.reason.trim();
  let working: ReactNode = null;
  switch (state.kind) {
    case 'accepted':
      working =
        entry.facts === null
          ? 'Đơn vị chưa tự chấm tiêu chí này: chấp nhận nghĩa là tiêu chí không có điểm.'
          : (own.text ?? own.problems.join('; '));
      break;
    case 'facts':
      working = corrected.text ?? corrected.problems.join('; ');
      break;
    case 'points':
      working = `Thẩm định ${state.points.trim() || '…'}/${points(node.maxPoints)}${reason ? `: ${reason}` : ''}`;
      break;
    case 'missing':
      working = `Thẩm định không tính điểm${reason ? `: ${reason}` : ''}`;
      break;
  }
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Kết quả thẩm định"
        value={state.kind}
        onChange={(value) => set({ kind: value })}
      >
        <Stack gap={6} mt={4}>
          {(Object.keys(APPRAISAL_KIND_LABELS) as AppraisalKind[]).map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={APPRAISAL_KIND_LABELS[kind]}
              disabled={disabled || (kind === 'facts' && !rule)}
            />
          ))}
        </Stack>
      </Radio.Group>
      {state.kind === 'facts' && rule && (
        <RuleInputs
          rule={rule}
          facts={state.facts}
          onChange={(facts) => set({ facts })}
          disabled={disabled}
        />
      )}
      {state.kind === 'points' && (
        <TextInput
          label="Điểm thẩm định"
          description={`Từ ${points(range.min.toString())} đến ${points(range.max.toString())}`}
          value={state.points}
          onChange={(e) => set({ points: e.currentTarget.value })}
          inputMode="decimal"
          disabled={disabled}
          w={200}
          onKeyDown={onKeyDown}
        />
      )}
      {working && (
        <Text size="sm" c="dimmed" aria-live="polite">
          Kết quả: {working}
        </Text>
      )}
      <Textarea
        label={reasonLabel}
        value={state.reason}
        onChange={(e) => set({ reason: e.currentTarget.value })}
        autosize
        minRows={2}
        disabled={disabled}
        onKeyDown={onKeyDown}
      />
    </Stack>
  );
}
