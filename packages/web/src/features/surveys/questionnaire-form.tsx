import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useState } from 'react';
import { Loading } from '../../components/feedback';
import type { QuestionnaireJson } from './api';
import {
  checkDraft,
  defaultOptions,
  jsonFrom,
  newQuestion,
  SIPAS_DEFAULT_TARGET,
  type Draft,
} from './draft';
import { QuestionEditor } from './question-editor';
import { SurveyError } from './survey-error';
import { groupsOf, usePeriodFramework } from './survey-leaves';

interface Props {
  periodId: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSubmit: (questionnaire: QuestionnaireJson, recheckPercent: number) => void;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onCancel?: () => void;
}

/**
 * The questionnaire editor: who answers, which unit type is rated, the questions with their
 * options and what each feeds. Checked by the core before sending, as the server checks it.
 */
export function QuestionnaireForm({
  periodId,
  draft,
  onChange,
  onSubmit,
  submitLabel,
  busy,
  error,
  onCancel,
}: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const { period, unitTypes, leaves, loading, framework } = usePeriodFramework(
    periodId,
    draft.ratedUnitType,
  );
  // Only the period blocks the form; a framework loading after a unit type is chosen does not.
  if (period.isPending) return <Loading label="Đang tải kỳ đánh giá…" />;
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const knownGroups = groupsOf(leaves);
  const questions = draft.questions;
  const setQuestions = (next: Draft['questions']) => set({ questions: next });
  const submit = () => {
    const found = checkDraft(draft);
    setProblems(found);
    if (found.length === 0) onSubmit(jsonFrom(draft), Number(draft.recheckPercent) || 0);
  };
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Tên phiếu"
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="loai-phieu">
            Loại phiếu
          </Text>
          <SegmentedControl
            aria-labelledby="loai-phieu"
            value={draft.kind}
            onChange={(value) => {
              const kind = value === 'sipas' ? 'sipas' : 'par';
              // Options still as the other kind prefilled them take this kind's defaults.
              const before = JSON.stringify(defaultOptions(draft.kind));
              set({
                kind,
                questions: draft.questions.map((q) =>
                  JSON.stringify(q.options) === before
                    ? { ...q, options: defaultOptions(kind) }
                    : q,
                ),
              });
            }}
            data={[
              { value: 'par', label: 'Điều tra xã hội học' },
              { value: 'sipas', label: 'SIPAS' },
            ]}
          />
        </Stack>
        <Autocomplete
          label="Mã nhóm đối tượng"
          description="Như quy tắc chấm của tiêu chí gọi tên nhóm, ví dụ daiBieu"
          value={draft.group}
          data={knownGroups.map((g) => g.group)}
          onChange={(value) => {
            const known = knownGroups.find((g) => g.group === value);
            set({
              group: value,
              ...(known && draft.groupLabel.trim() === '' ? { groupLabel: known.label } : {}),
            });
          }}
          required
        />
        <TextInput
          label="Tên nhóm đối tượng"
          value={draft.groupLabel}
          onChange={(e) => set({ groupLabel: e.currentTarget.value })}
          required
        />
        <Select
          label="Loại đơn vị được đánh giá"
          data={unitTypes.map((type) => ({ value: type, label: unitTypeLabel(type) }))}
          value={draft.ratedUnitType}
          onChange={(value) => set({ ratedUnitType: value })}
          required
        />
        <NumberInput
          label="Tỷ lệ phiếu giấy phúc tra (%)"
          value={draft.recheckPercent}
          onChange={(value) => set({ recheckPercent: value })}
          min={0}
          max={100}
          allowDecimal={false}
        />
      </SimpleGrid>
      {draft.kind === 'sipas' && (
        <Card withBorder bg="gray.0">
          <Title order={4} mb="xs">
            Chỉ số SIPAS
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label="Hình thức khảo sát"
              data={[
                { value: 'regular', label: 'Thường xuyên (tại bộ phận một cửa)' },
                { value: 'spot', label: 'Đột xuất' },
              ]}
              value={draft.sipas.mode}
              onChange={(value) => {
                const mode = value === 'spot' ? 'spot' : 'regular';
                const wasDefault =
                  draft.sipas.target.trim() === '' ||
                  draft.sipas.target === SIPAS_DEFAULT_TARGET[draft.sipas.mode];
                set({
                  sipas: {
                    ...draft.sipas,
                    mode,
                    target: wasDefault ? SIPAS_DEFAULT_TARGET[mode] : draft.sipas.target,
                  },
                });
              }}
              allowDeselect={false}
            />
            <TextInput
              label="Chỉ tiêu (%)"
              description="Đạt khi chỉ số lớn hơn chỉ tiêu"
              value={draft.sipas.target}
              inputMode="decimal"
              onChange={(e) => set({ sipas: { ...draft.sipas, target: e.currentTarget.value } })}
            />
            <Select
              label="Cách tính chỉ số chung"
              data={[
                { value: 'meanOfElements', label: 'Trung bình các yếu tố' },
                { value: 'pooled', label: 'Gộp mọi câu trả lời' },
              ]}
              value={draft.sipas.formula}
              onChange={(value) =>
                set({
                  sipas: {
                    ...draft.sipas,
                    formula: value === 'pooled' ? 'pooled' : 'meanOfElements',
                  },
                })
              }
              allowDeselect={false}
            />
            <Select
              label="Tiêu chí nhận chỉ số SIPAS"
              placeholder={framework ? 'Không đưa vào tiêu chí nào' : 'Chưa chọn loại đơn vị'}
              data={leaves.externalIndex.map((l) => ({
                value: l.code,
                label: `${l.code}. ${l.title}`,
              }))}
              value={draft.sipas.leafCode}
              onChange={(value) => set({ sipas: { ...draft.sipas, leafCode: value } })}
              clearable
            />
          </SimpleGrid>
        </Card>
      )}
      <Title order={4}>Câu hỏi ({questions.length})</Title>
      {draft.kind === 'par' && draft.ratedUnitType && !loading && leaves.survey.length === 0 && (
        <Alert color="yellow">
          Bộ chỉ số của kỳ cho loại đơn vị này chưa có tiêu chí chấm theo khảo sát; câu hỏi chưa gắn
          được với tiêu chí nào.
        </Alert>
      )}
      {questions.map((question, index) => (
        <QuestionEditor
          key={question.uid}
          kind={draft.kind}
          group={draft.group}
          question={question}
          index={index}
          count={questions.length}
          leaves={leaves.survey}
          onChange={(q) => setQuestions(questions.map((x, i) => (i === index ? q : x)))}
          onMove={(step) => {
            const next = [...questions];
            const other = next[index + step];
            if (!other) return;
            next[index + step] = question;
            next[index] = other;
            setQuestions(next);
          }}
          onRemove={() => setQuestions(questions.filter((_, i) => i !== index))}
        />
      ))}
      <Group>
        <Button
          variant="default"
          disabled={questions.length >= 200}
          onClick={() =>
            setQuestions([
              ...questions,
              newQuestion(draft.kind, questions.length, questions.at(-1)),
            ])
          }
        >
          Thêm câu hỏi
        </Button>
      </Group>
      {problems.length > 0 && (
        <Alert color="red" title="Phiếu chưa lưu được" role="alert">
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SurveyError error={error} title="Phiếu chưa lưu được" />
      <Group>
        <Button onClick={submit} loading={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Huỷ
          </Button>
        )}
      </Group>
    </Stack>
  );
}
