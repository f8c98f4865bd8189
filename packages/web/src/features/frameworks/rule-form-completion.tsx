import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { exactInput } from '../../lib/format';
import { DateField, DecimalField, FlagField, WholeField, type KindFormProps } from './rule-fields';
import { PARAM_LABELS } from './use-rule-check';

/** Đạt / không đạt, with the conditions that must all hold (none: one tick for the leaf). */
export function PassFailForm(props: KindFormProps) {
  const conditions = Array.isArray(props.draft.conditions)
    ? (props.draft.conditions as unknown[]).map((c) => (typeof c === 'string' ? c : ''))
    : [];
  const set = (next: string[]) => props.onChange({ ...props.draft, conditions: next });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {PARAM_LABELS.conditions}
      </Text>
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          Không có điều kiện riêng: đơn vị chỉ đánh dấu đạt hoặc không đạt.
        </Text>
      )}
      {conditions.map((condition, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Điều kiện ${i + 1}`}
            placeholder="ví dụ: Có kế hoạch được phê duyệt"
            value={condition}
            onChange={(e) => set(conditions.map((c, j) => (j === i ? e.currentTarget.value : c)))}
            error={props.errorAt('conditions', i)}
            style={{ flex: 1 }}
          />
          <Button
            variant="subtle"
            color="red"
            onClick={() => set(conditions.filter((_, j) => j !== i))}
            aria-label={`Xoá điều kiện ${i + 1}`}
          >
            Xoá
          </Button>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => set([...conditions, ''])}>
          Thêm điều kiện
        </Button>
      </Group>
    </Stack>
  );
}

/** Đúng hạn / chậm / không thực hiện: on time earns the max, the other two their points. */
export function TimelinessForm(props: KindFormProps) {
  return (
    <Stack gap="xs">
      <DateField label={PARAM_LABELS.deadline} name="deadline" props={props} />
      <Text size="xs" c="dimmed">
        Có hạn thì ngày hoàn thành đơn vị nhập quyết định đúng hạn hay chậm; để trống thì đơn vị tự
        chọn tình trạng.
      </Text>
      <Group align="flex-start">
        <DecimalField label={PARAM_LABELS.latePoints} name="latePoints" props={props} />
        <DecimalField label={PARAM_LABELS.notDonePoints} name="notDonePoints" props={props} />
      </Group>
    </Stack>
  );
}

/** Đủ số lượng, đúng hạn: all or nothing, or points in proportion. */
export function CountOnTimeForm(props: KindFormProps) {
  return (
    <Stack gap="xs">
      <WholeField
        label={PARAM_LABELS.required}
        name="required"
        props={props}
        description="Ví dụ: 4 báo cáo quý"
      />
      <FlagField
        label={PARAM_LABELS.partialCredit}
        name="partialCredit"
        props={props}
        description="Điểm tối đa × số đúng hạn ÷ số lượng yêu cầu; không chọn: chưa đủ thì 0 điểm"
      />
    </Stack>
  );
}

/** Chấm trực tiếp: a number from 0 to the max, in a step. */
export function ManualForm(props: KindFormProps) {
  return (
    <DecimalField
      label={PARAM_LABELS.step}
      name="step"
      props={props}
      description={`Để trống: chấm số bất kỳ từ 0 đến ${exactInput(props.maxPoints)}`}
    />
  );
}
