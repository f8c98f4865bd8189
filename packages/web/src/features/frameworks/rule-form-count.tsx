import { Group, Stack, Text } from '@mantine/core';
import { exactInput } from '../../lib/format';
import { DecimalField, type KindFormProps } from './rule-fields';
import { PARAM_LABELS } from './use-rule-check';

/** Điểm theo số lượng, có mức trần: points per item, up to a cap (the leaf's max by default). */
export function PerItemForm(props: KindFormProps) {
  return (
    <Group align="flex-start">
      <DecimalField label={PARAM_LABELS.pointsPerItem} name="pointsPerItem" props={props} />
      <DecimalField
        label={PARAM_LABELS.cap}
        name="cap"
        props={props}
        description={`Để trống: điểm tối đa (${exactInput(props.maxPoints)})`}
      />
    </Group>
  );
}

/** Trừ điểm theo số lần vi phạm: from the max, down to a floor that may be below zero. */
export function DeductionForm(props: KindFormProps) {
  return (
    <Group align="flex-start">
      <DecimalField
        label={PARAM_LABELS.pointsPerOccurrence}
        name="pointsPerOccurrence"
        props={props}
      />
      <DecimalField
        label={PARAM_LABELS.minPoints}
        name="minPoints"
        props={props}
        description="Số âm nếu được trừ quá 0 điểm"
      />
    </Group>
  );
}

/** Điểm thưởng / điểm trừ outside the 100 points, each capped; the leaf's max must be 0. */
export function BonusPenaltyForm(props: KindFormProps) {
  return (
    <Stack gap="xs">
      <Group align="flex-start">
        <DecimalField label={PARAM_LABELS.bonusCap} name="bonusCap" props={props} />
        <DecimalField label={PARAM_LABELS.penaltyCap} name="penaltyCap" props={props} />
      </Group>
      <Text size="xs" c="dimmed">
        Điểm thưởng, điểm trừ nằm ngoài thang điểm: điểm tối đa của tiêu chí phải là 0.
      </Text>
    </Stack>
  );
}
