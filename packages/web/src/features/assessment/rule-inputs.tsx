import { Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { factLabel, TIMELINESS_STATUS_LABELS, type Rule } from '@chiso/core';

export type Facts = Record<string, unknown>;

interface Props {
  rule: Rule;
  facts: Facts;
  onChange: (facts: Facts) => void;
  disabled?: boolean;
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Facts written by imports or the API may hold "2026-01-20"; people read and type 20/01/2026. */
const vietnameseDate = (value: string) => value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

/** A number field that takes "4,5" as well as "4.5" (kept as typed; the core reads both). */
function NumberField({
  label,
  value,
  onChange,
  disabled,
  description,
}: {
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  disabled?: boolean | undefined;
  description?: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      value={text(value)}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode="decimal"
      disabled={disabled}
      w={200}
    />
  );
}

/**
 * The inputs a rule asks for, writing the facts object the server and the core understand.
 * Labels come from the core, so validation messages and histories use the same words.
 */
export function RuleInputs({ rule, facts, onChange, disabled }: Props) {
  const label = (...path: (string | number)[]) => factLabel(rule, path) ?? '';
  const set = (key: string, value: unknown) => {
    const next = { ...facts };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  switch (rule.kind) {
    case 'manual':
      return (
        <NumberField
          label={label('points')}
          value={facts.points}
          onChange={(v) => set('points', v)}
          disabled={disabled}
          description={
            rule.step ? `Theo bước ${rule.step.toString().replace('.', ',')} điểm` : undefined
          }
        />
      );
    case 'passFail':
      if (rule.conditions.length === 0) {
        return (
          <Checkbox
            label={label('passed')}
            checked={facts.passed === true}
            onChange={(e) => set('passed', e.currentTarget.checked)}
            disabled={disabled}
          />
        );
      }
      return (
        <Stack gap={4}>
          {rule.conditions.map((condition) => {
            const conditions = (facts.conditions ?? {}) as Record<string, boolean>;
            return (
              <Checkbox
                key={condition}
                label={condition}
                checked={conditions[condition] === true}
                onChange={(e) =>
                  set('conditions', { ...conditions, [condition]: e.currentTarget.checked })
                }
                disabled={disabled}
              />
            );
          })}
        </Stack>
      );
    case 'timeliness':
      return (
        <Stack gap="xs">
          <TextInput
            label={label('completedOn')}
            placeholder="dd/mm/yyyy"
            value={vietnameseDate(text(facts.completedOn))}
            onChange={(e) => set('completedOn', e.currentTarget.value)}
            disabled={disabled}
            w={200}
          />
          <Radio.Group
            label={label('status')}
            description="Khi không có ngày hoàn thành"
            value={text(facts.status)}
            onChange={(v) => set('status', v)}
          >
            <Group>
              {Object.entries(TIMELINESS_STATUS_LABELS).map(([value, name]) => (
                <Radio key={value} value={value} label={name} disabled={disabled} />
              ))}
            </Group>
          </Radio.Group>
        </Stack>
      );
    case 'countOnTime':
      return (
        <NumberField
          label={label('onTime')}
          value={facts.onTime}
          onChange={(v) => set('onTime', v)}
          disabled={disabled}
        />
      );
    case 'ratioBands':
    case 'proportional':
      return (
        <Group align="flex-end">
          <NumberField
            label={label('numerator')}
            value={facts.numerator}
            onChange={(v) => set('numerator', v)}
            disabled={disabled}
          />
          <Text pb={8}>/</Text>
          <NumberField
            label={label('denominator')}
            value={facts.denominator}
            onChange={(v) => set('denominator', v)}
            disabled={disabled}
          />
        </Group>
      );
    case 'relativeToBest':
    case 'externalIndex':
      return (
        <NumberField
          label={label('value')}
          value={facts.value}
          onChange={(v) => set('value', v)}
          disabled={disabled}
        />
      );
    case 'perItem':
      return (
        <NumberField
          label={label('count')}
          value={facts.count}
          onChange={(v) => set('count', v)}
          disabled={disabled}
        />
      );
    case 'deduction':
      return (
        <NumberField
          label={label('occurrences')}
          value={facts.occurrences}
          onChange={(v) => set('occurrences', v)}
          disabled={disabled}
        />
      );
    case 'bonusPenalty':
      return (
        <Group>
          <NumberField
            label={label('bonus')}
            value={facts.bonus}
            onChange={(v) => set('bonus', v)}
            disabled={disabled}
          />
          <NumberField
            label={label('penalty')}
            value={facts.penalty}
            onChange={(v) => set('penalty', v)}
            disabled={disabled}
          />
        </Group>
      );
    case 'noneArose':
    case 'notApplicableWhen': {
      const flag = rule.kind === 'noneArose' ? 'noneArose' : 'notApplicable';
      return (
        <Stack gap="xs">
          <Checkbox
            label={label(flag)}
            checked={facts[flag] === true}
            onChange={(e) => onChange(e.currentTarget.checked ? { [flag]: true } : {})}
            disabled={disabled}
          />
          {facts[flag] !== true && (
            <RuleInputs
              rule={rule.otherwise}
              facts={facts}
              onChange={onChange}
              disabled={disabled}
            />
          )}
        </Stack>
      );
    }
    case 'lowerUnits':
      return (
        <TextInput
          label={label('percents')}
          description="Cách nhau bởi dấu chấm phẩy, ví dụ: 85,5; 90"
          value={Array.isArray(facts.percents) ? (facts.percents as unknown[]).join('; ') : ''}
          onChange={(e) =>
            set(
              'percents',
              e.currentTarget.value
                .split(';')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
          disabled={disabled}
        />
      );
    case 'survey':
      return (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Điểm bình quân (%) theo từng nhóm đối tượng khảo sát:
          </Text>
          <Group>
            {rule.groups.map((group) => {
              const groups = (facts.groups ?? {}) as Record<string, { mean?: string }>;
              return (
                <NumberField
                  key={group.group}
                  label={label('groups', group.group, 'mean')}
                  value={groups[group.group]?.mean}
                  onChange={(v) => set('groups', { ...groups, [group.group]: { mean: v } })}
                  disabled={disabled}
                />
              );
            })}
          </Group>
        </Stack>
      );
  }
}
