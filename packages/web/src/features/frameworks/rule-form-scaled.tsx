import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { isDraft, withParam, type Draft } from './rule-draft';
import { ChoiceField, DecimalField, FlagField, type KindFormProps } from './rule-fields';
import { PARAM_LABELS } from './use-rule-check';

/** So với đơn vị cao nhất: value ÷ the best in the peer group, or the other way round. */
export function RelativeToBestForm(props: KindFormProps) {
  return (
    <FlagField
      label={PARAM_LABELS.higherIsBetter}
      name="higherIsBetter"
      props={props}
      description="Không chọn khi giá trị càng thấp càng tốt (ví dụ: số ngày giải quyết)"
    />
  );
}

/** Theo chỉ số bên ngoài: an index (SIPAS %…) scaled to the leaf's max. */
export function ExternalIndexForm(props: KindFormProps) {
  return (
    <DecimalField
      label={PARAM_LABELS.fullAt}
      name="fullAt"
      props={props}
      description="100 khi chỉ số là tỷ lệ phần trăm"
    />
  );
}

const AGGREGATES = {
  mean: 'Bình quân chỉ số của các đơn vị cấp dưới',
  min: 'Chỉ số thấp nhất trong các đơn vị cấp dưới',
  shareAtLeast: 'Tỷ lệ đơn vị cấp dưới đạt từ một ngưỡng',
  shareInBand: 'Tỷ lệ đơn vị cấp dưới thuộc một nhóm xếp loại',
};

/** Theo kết quả đơn vị cấp dưới: mean, lowest, or the share reaching a threshold. */
export function LowerUnitsForm(props: KindFormProps) {
  return (
    <Stack gap="xs">
      <ChoiceField
        label={PARAM_LABELS.aggregate}
        name="aggregate"
        props={props}
        options={AGGREGATES}
        fallback="mean"
      />
      {props.draft.aggregate === 'shareAtLeast' && (
        <DecimalField label={PARAM_LABELS.thresholdPercent} name="thresholdPercent" props={props} />
      )}
    </Stack>
  );
}

/**
 * Theo kết quả khảo sát: the respondent groups whose mean answer score counts, each with its
 * weight. The code must be the group of the survey's questionnaire ("nguoiDan", "daiBieu").
 */
export function SurveyForm(props: KindFormProps) {
  const groups = Array.isArray(props.draft.groups)
    ? (props.draft.groups as unknown[]).map((g) => (isDraft(g) ? g : {}))
    : [];
  const set = (next: Draft[]) => props.onChange({ ...props.draft, groups: next });
  const row = (i: number): KindFormProps => ({
    draft: groups[i] ?? {},
    maxPoints: props.maxPoints,
    onChange: (group) => set(groups.map((g, j) => (j === i ? group : g))),
    errorAt: (...path) => props.errorAt('groups', i, ...path),
  });
  const text = (i: number, key: 'group' | 'label', label: string) => (
    <TextInput
      aria-label={`${label} ${i + 1}`}
      value={typeof groups[i]?.[key] === 'string' ? groups[i]?.[key] : ''}
      onChange={(e) => row(i).onChange(withParam(groups[i] ?? {}, key, e.currentTarget.value))}
      error={props.errorAt('groups', i, key)}
    />
  );
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {PARAM_LABELS.groups}
      </Text>
      <Table withTableBorder fz="sm" aria-label="Nhóm đối tượng khảo sát">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mã nhóm</Table.Th>
            <Table.Th>Tên nhóm</Table.Th>
            <Table.Th>Trọng số</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((_, i) => (
            <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
              <Table.Td>{text(i, 'group', 'Mã nhóm')}</Table.Td>
              <Table.Td>{text(i, 'label', 'Tên nhóm')}</Table.Td>
              <Table.Td>
                <DecimalField
                  ariaLabel={`Trọng số ${i + 1}`}
                  name="weight"
                  props={row(i)}
                  width={90}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={groups.length === 1}
                  onClick={() => set(groups.filter((__, j) => j !== i))}
                  aria-label={`Xoá nhóm ${i + 1}`}
                >
                  Xoá
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => set([...groups, { group: '', label: '', weight: '1' }])}
        >
          Thêm nhóm
        </Button>
      </Group>
    </Stack>
  );
}
