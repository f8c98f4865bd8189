import { Checkbox, Select, TextInput } from '@mantine/core';
import { formatPath, STATISTIC_KEYS, STATISTICS } from '@chiso/core';
import { DateInput, isoDate } from '../../components/date-input';
import { paramText, withParam, type Draft } from './rule-draft';
import { PARAM_LABELS } from './use-rule-check';

/** What every kind's form gets: its part of the draft, a way to change it, and its errors. */
export interface KindFormProps {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The schema's message for a parameter of this rule (path relative to it). */
  errorAt: (...path: (string | number)[]) => string | undefined;
  /** Leaf max, for hints ("tối đa 1 điểm"). */
  maxPoints: string;
}

/** Errors of a nested rule: its paths sit under "otherwise" of its wrapper. */
export function errorsUnder(errors: Map<string, string>, prefix: (string | number)[]) {
  return (...path: (string | number)[]) => errors.get(formatPath([...prefix, ...path]));
}

/** A decimal parameter; "0,95" and "0.95" both read, kept as typed. */
export function DecimalField({
  label,
  name,
  props,
  description,
  ariaLabel,
  width = 200,
}: {
  label?: string;
  name: string;
  props: KindFormProps;
  description?: string;
  ariaLabel?: string;
  width?: number;
}) {
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      description={description}
      value={paramText(props.draft[name])}
      onChange={(e) => props.onChange(withParam(props.draft, name, e.currentTarget.value.trim()))}
      error={props.errorAt(name)}
      inputMode="decimal"
      w={width}
    />
  );
}

/** A whole number the schema wants as a JSON number (a required count). */
export function WholeField({
  label,
  name,
  props,
  description,
}: {
  label: string;
  name: string;
  props: KindFormProps;
  description?: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      value={paramText(props.draft[name])}
      onChange={(e) => {
        const text = e.currentTarget.value.trim();
        props.onChange(withParam(props.draft, name, /^\d+$/.test(text) ? Number(text) : text));
      }}
      error={props.errorAt(name)}
      inputMode="numeric"
      w={200}
    />
  );
}

export function FlagField({
  label,
  name,
  props,
  description,
}: {
  label: string;
  name: string;
  props: KindFormProps;
  description?: string;
}) {
  return (
    <Checkbox
      label={label}
      description={description}
      checked={props.draft[name] === true}
      onChange={(e) => props.onChange({ ...props.draft, [name]: e.currentTarget.checked })}
      error={props.errorAt(name)}
    />
  );
}

/** A calendar date typed dd/mm/yyyy and kept as ISO once it is a real date. */
export function DateField({
  label,
  name,
  props,
}: {
  label: string;
  name: string;
  props: KindFormProps;
}) {
  const value = typeof props.draft[name] === 'string' ? props.draft[name] : '';
  const shown = value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
  return (
    <DateInput
      label={label}
      value={shown}
      onChange={(text) => props.onChange(withParam(props.draft, name, isoDate(text) ?? text))}
      error={props.errorAt(name)}
      width={200}
    />
  );
}

/** A choice among a parameter's values, each by its Vietnamese name. */
export function ChoiceField({
  label,
  name,
  props,
  options,
  fallback,
}: {
  label: string;
  name: string;
  props: KindFormProps;
  options: Record<string, string>;
  /** The value the core takes when the parameter is left out. */
  fallback: string;
}) {
  const value = typeof props.draft[name] === 'string' ? props.draft[name] : fallback;
  return (
    <Select
      label={label}
      data={Object.entries(options).map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={(v) => props.onChange(withParam(props.draft, name, v ?? undefined))}
      error={props.errorAt(name)}
      allowDeselect={false}
      w={360}
    />
  );
}

export const ZERO_DENOMINATOR: Record<string, string> = {
  zero: '0 điểm',
  full: 'Đạt điểm tối đa',
  notApplicable: 'Không tính tiêu chí này (không áp dụng)',
};

/** The choice of no statistic: the unit types the numerator and denominator itself. */
const UNIT_ENTERS = '';

const STATISTIC_OPTIONS = [
  { value: UNIT_ENTERS, label: 'Không (đơn vị tự nhập)' },
  ...STATISTIC_KEYS.map((key) => ({ value: key, label: STATISTICS[key].label })),
];

/**
 * Which procedure (TTHC) statistic a ratio leaf takes its numerator and denominator from
 * (issue 12), or none: the rule's optional `statistic`, removed when the unit enters them.
 */
export function StatisticField({ props }: { props: KindFormProps }) {
  const value = typeof props.draft.statistic === 'string' ? props.draft.statistic : UNIT_ENTERS;
  return (
    <Select
      label={PARAM_LABELS.statistic}
      description="Tử số và mẫu số lấy từ số liệu thống kê TTHC đã nhập cho kỳ; đơn vị không sửa được"
      data={STATISTIC_OPTIONS}
      value={value}
      onChange={(v) => props.onChange(withParam(props.draft, 'statistic', v ?? undefined))}
      error={props.errorAt('statistic')}
      allowDeselect={false}
      w={420}
    />
  );
}
