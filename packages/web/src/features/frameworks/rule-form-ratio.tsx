import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { isDraft, type Draft } from './rule-draft';
import {
  ChoiceField,
  DecimalField,
  StatisticField,
  ZERO_DENOMINATOR,
  type KindFormProps,
} from './rule-fields';
import { PARAM_LABELS } from './use-rule-check';

const COMPARISONS = [
  { value: 'true', label: '≥ (từ mức này)' },
  { value: 'false', label: '> (trên mức này)' },
];

/** One band as its own small form, so its inputs reuse the fields of the kinds. */
function bandProps(props: KindFormProps, bands: Draft[], i: number): KindFormProps {
  return {
    draft: bands[i] ?? {},
    maxPoints: props.maxPoints,
    onChange: (band) =>
      props.onChange({ ...props.draft, bands: bands.map((b, j) => (j === i ? band : b)) }),
    errorAt: (...path) => props.errorAt('bands', i, ...path),
  };
}

/**
 * Tỷ lệ theo mức: numerator ÷ denominator falls in the first band (highest first) it reaches,
 * and earns that band's points. Bands are rows: from what percent, how compared, what points.
 */
export function RatioBandsForm(props: KindFormProps) {
  const bands = Array.isArray(props.draft.bands)
    ? (props.draft.bands as unknown[]).map((b) => (isDraft(b) ? b : {}))
    : [];
  const set = (next: Draft[]) => props.onChange({ ...props.draft, bands: next });
  const move = (i: number, by: number) => {
    const next = [...bands];
    const [band] = next.splice(i, 1);
    if (band) next.splice(i + by, 0, band);
    set(next);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {PARAM_LABELS.bands} (mức cao nhất ở trên; thấp hơn mức cuối: 0 điểm)
      </Text>
      <Table withTableBorder fz="sm" aria-label="Các mức tỷ lệ">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mức</Table.Th>
            <Table.Th>So sánh</Table.Th>
            <Table.Th>Tỷ lệ (%)</Table.Th>
            <Table.Th>Điểm</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((band, i) => {
            const row = bandProps(props, bands, i);
            return (
              <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
                <Table.Td pt={14}>{i + 1}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`So sánh của mức ${i + 1}`}
                    data={COMPARISONS}
                    value={band.inclusive === false ? 'false' : 'true'}
                    onChange={(v) => row.onChange({ ...band, inclusive: v !== 'false' })}
                    allowDeselect={false}
                    w={170}
                  />
                </Table.Td>
                <Table.Td>
                  <DecimalField
                    ariaLabel={`Tỷ lệ (%) của mức ${i + 1}`}
                    name="minPercent"
                    props={row}
                    width={100}
                  />
                </Table.Td>
                <Table.Td>
                  <DecimalField
                    ariaLabel={`Điểm của mức ${i + 1}`}
                    name="points"
                    props={row}
                    width={90}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Đưa mức ${i + 1} lên`}
                    >
                      ↑
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={i === bands.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Đưa mức ${i + 1} xuống`}
                    >
                      ↓
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      disabled={bands.length === 1}
                      onClick={() => set(bands.filter((_, j) => j !== i))}
                      aria-label={`Xoá mức ${i + 1}`}
                    >
                      Xoá
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {props.errorAt('bands') && (
        <Text size="xs" c="red">
          {props.errorAt('bands')}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => set([...bands, { minPercent: '0', inclusive: true, points: '0' }])}
        >
          Thêm mức
        </Button>
      </Group>
      <ChoiceField
        label={PARAM_LABELS.whenZeroDenominator}
        name="whenZeroDenominator"
        props={props}
        options={ZERO_DENOMINATOR}
        fallback="zero"
      />
      <StatisticField props={props} />
    </Stack>
  );
}

/** Tỷ lệ thuận: max × ratio, or full from a target and in proportion below it. */
export function ProportionalForm(props: KindFormProps) {
  return (
    <Stack gap="xs">
      <DecimalField
        label={PARAM_LABELS.fullAtPercent}
        name="fullAtPercent"
        props={props}
        description="100: điểm tối đa × tỷ lệ đạt được"
      />
      <ChoiceField
        label={PARAM_LABELS.whenZeroDenominator}
        name="whenZeroDenominator"
        props={props}
        options={ZERO_DENOMINATOR}
        fallback="zero"
      />
      <StatisticField props={props} />
    </Stack>
  );
}
