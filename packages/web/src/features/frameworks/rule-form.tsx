import { Card, Select, Stack, Text, TextInput } from '@mantine/core';
import type { RuleKind } from '@chiso/core';
import type { ComponentType } from 'react';
import { changeKind, isDraft, KIND_OPTIONS, kindOf, TEMPLATES, type Draft } from './rule-draft';
import type { KindFormProps } from './rule-fields';
import { BonusPenaltyForm, DeductionForm, PerItemForm } from './rule-form-count';
import { CountOnTimeForm, ManualForm, PassFailForm, TimelinessForm } from './rule-form-completion';
import { ProportionalForm, RatioBandsForm } from './rule-form-ratio';
import {
  ExternalIndexForm,
  LowerUnitsForm,
  RelativeToBestForm,
  SurveyForm,
} from './rule-form-scaled';
import { PARAM_LABELS } from './use-rule-check';

const FORMS: Record<
  Exclude<RuleKind, 'noneArose' | 'notApplicableWhen'>,
  ComponentType<KindFormProps>
> = {
  passFail: PassFailForm,
  timeliness: TimelinessForm,
  countOnTime: CountOnTimeForm,
  manual: ManualForm,
  ratioBands: RatioBandsForm,
  proportional: ProportionalForm,
  perItem: PerItemForm,
  deduction: DeductionForm,
  bonusPenalty: BonusPenaltyForm,
  relativeToBest: RelativeToBestForm,
  externalIndex: ExternalIndexForm,
  lowerUnits: LowerUnitsForm,
  survey: SurveyForm,
};

/**
 * The rule of a leaf as a form: its kind, then a labelled input for every parameter of that
 * kind. A wrapper (không phát sinh, không áp dụng) holds the form of its inner rule.
 */
export function RuleForm({
  label = PARAM_LABELS.kind,
  ...props
}: KindFormProps & { label?: string }) {
  const kind = kindOf(props.draft);
  const Form = kind && kind !== 'noneArose' && kind !== 'notApplicableWhen' ? FORMS[kind] : null;
  return (
    <Stack gap="sm">
      <Select
        label={label}
        data={KIND_OPTIONS}
        value={kind}
        onChange={(k) => {
          if (k) props.onChange(changeKind(props.draft, k as RuleKind));
        }}
        error={props.errorAt('kind')}
        allowDeselect={false}
        searchable
        w={360}
      />
      {kind === 'noneArose' || kind === 'notApplicableWhen' ? (
        <WrapperForm {...props} kind={kind} />
      ) : Form ? (
        <Form {...props} />
      ) : null}
    </Stack>
  );
}

function WrapperForm({
  kind,
  ...props
}: KindFormProps & { kind: 'noneArose' | 'notApplicableWhen' }) {
  const inner = isDraft(props.draft.otherwise) ? props.draft.otherwise : TEMPLATES.manual;
  const innerProps: KindFormProps = {
    draft: inner,
    maxPoints: props.maxPoints,
    onChange: (otherwise: Draft) => props.onChange({ ...props.draft, otherwise }),
    errorAt: (...path) => props.errorAt('otherwise', ...path),
  };
  return (
    <Stack gap="sm">
      {kind === 'noneArose' ? (
        <Text size="sm" c="dimmed">
          Đơn vị đánh dấu &quot;Không phát sinh trong năm&quot; thì đạt điểm tối đa; có phát sinh
          thì chấm như sau.
        </Text>
      ) : (
        <TextInput
          label={PARAM_LABELS.condition}
          description="Đơn vị đánh dấu trường hợp này thì tiêu chí không tính vào điểm tối đa"
          value={typeof props.draft.condition === 'string' ? props.draft.condition : ''}
          onChange={(e) => props.onChange({ ...props.draft, condition: e.currentTarget.value })}
          error={props.errorAt('condition')}
        />
      )}
      <Card withBorder padding="sm" bg="gray.0">
        <RuleForm
          {...innerProps}
          label={kind === 'noneArose' ? 'Khi có phát sinh, chấm theo' : 'Khi áp dụng, chấm theo'}
        />
      </Card>
    </Stack>
  );
}
