import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ErrorMessage, Loading } from '../../components/feedback';
import { AnswerGrid, checkAnswers, focusAnswer, type TypedAnswers } from './answer-grid';
import {
  entryKeys,
  sortIssues,
  saveRecheck,
  useRechecks,
  type Difference,
  type EntrySurvey,
  type RatedUnit,
  type RechecksView,
} from './api';
import { DifferencesTable, MismatchList } from './mismatch-list';

const PREFIX = 'phuc-tra';
const ids = { number: 'phuc-tra-so-phieu', save: 'phuc-tra-luu' };
const focus = (id: string) => document.getElementById(id)?.focus();

type Pending = RechecksView['pending'][number];

/**
 * Re-check (phúc tra): the forms drawn for a second entry, typed again blind (the first
 * entry is not shown), then the differences, and the list of mismatches to resolve.
 */
export function RecheckTab({ survey, units }: { survey: EntrySurvey; units: RatedUnit[] }) {
  const rechecks = useRechecks(survey.id);
  const unitName = new Map(units.map((u) => [u.unitId, u.unitName]));
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string | null>(null);
  const [current, setCurrent] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{
    formNumber: string;
    differences: Difference[];
  } | null>(null);

  if (rechecks.isPending) return <Loading />;
  if (rechecks.isError) return <ErrorMessage error={rechecks.error} />;
  const { pending, mismatches, done, selected } = rechecks.data;

  const open = (formNumber: string) => {
    const form = pending.find(
      (p) => p.formNumber.toLowerCase() === formNumber.trim().toLowerCase(),
    );
    if (!form) {
      setNumberError(`Phiếu số ${formNumber.trim()} không nằm trong danh sách chờ phúc tra`);
      return;
    }
    setNumberError(null);
    setOutcome(null);
    setCurrent(form);
    setNumber('');
    window.setTimeout(() => focusAnswer(PREFIX, 0));
  };

  return (
    <Stack>
      <Text>
        Mẫu phúc tra ({survey.recheckPercent}% số phiếu giấy): <b>{selected}</b> phiếu; đã nhập lại{' '}
        <b>{done}</b>; chờ nhập lại <b>{pending.length}</b>; cần xử lý <b>{mismatches.length}</b>.
      </Text>
      {outcome &&
        (outcome.differences.length === 0 ? (
          <Alert
            color="green"
            title={`Phiếu số ${outcome.formNumber}: hai lần nhập khớp nhau`}
            role="status"
          />
        ) : (
          <Alert
            color="orange"
            title={`Phiếu số ${outcome.formNumber}: lệch ${outcome.differences.length} câu`}
            role="status"
          >
            <Stack gap="xs">
              <DifferencesTable
                differences={outcome.differences}
                questions={survey.questionnaire.questions}
              />
              <Text size="sm">Phiếu đã được đưa vào danh sách “Cần xử lý” bên dưới.</Text>
            </Stack>
          </Alert>
        ))}
      {current ? (
        <BlindEntry
          survey={survey}
          form={current}
          unitName={unitName.get(current.unitId) ?? current.unitId}
          onDone={(differences) => {
            setOutcome({ formNumber: current.formNumber, differences });
            setCurrent(null);
            window.setTimeout(() => focus(ids.number));
          }}
          onCancel={() => {
            setCurrent(null);
            window.setTimeout(() => focus(ids.number));
          }}
        />
      ) : (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            open(number);
          }}
        >
          <Group align="flex-end">
            <TextInput
              id={ids.number}
              label="Số phiếu cần nhập lại"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={numberError}
              autoComplete="off"
              w={220}
            />
            <Button type="submit" disabled={!number.trim()}>
              Nhập lại phiếu này
            </Button>
          </Group>
        </form>
      )}
      <Title order={3} size="h4">
        Chờ nhập lại ({pending.length})
      </Title>
      {pending.length === 0 ? (
        <Text c="dimmed">Không còn phiếu nào chờ phúc tra.</Text>
      ) : (
        <Table.ScrollContainer minWidth={420} mah={320}>
          <Table striped withTableBorder stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Số phiếu</Table.Th>
                <Table.Th>Lô</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((p) => (
                <Table.Tr key={p.formNumber}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => open(p.formNumber)}>
                      {p.formNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.batch ?? '—'}</Table.Td>
                  <Table.Td>{unitName.get(p.unitId) ?? p.unitId}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h4">
        Cần xử lý ({mismatches.length})
      </Title>
      <MismatchList
        surveyId={survey.id}
        mismatches={mismatches}
        questions={survey.questionnaire.questions}
      />
    </Stack>
  );
}

/** The second entry of one form, with nothing of the first shown. */
function BlindEntry({
  survey,
  form,
  unitName,
  onDone,
  onCancel,
}: {
  survey: EntrySurvey;
  form: Pending;
  unitName: string;
  onDone: (differences: Difference[]) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const questions = survey.questionnaire.questions;
  const [values, setValues] = useState<TypedAnswers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    const check = checkAnswers(questions, values);
    setErrors(check.errors);
    setFailure(null);
    if (check.first !== undefined) return void focusAnswer(PREFIX, check.first);
    setBusy(true);
    try {
      const result = await saveRecheck(survey.id, {
        formNumber: form.formNumber,
        answers: check.answers,
      });
      await client.invalidateQueries({ queryKey: entryKeys.all(survey.id) });
      onDone(result.differences);
    } catch (error) {
      const { byCode } = sortIssues(
        error,
        questions.map((q) => q.code),
      );
      setErrors(byCode);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      withBorder
      onKeyDown={(event: KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <Stack>
        <div>
          <Title order={3} size="h4">
            Nhập lại phiếu số {form.formNumber}
          </Title>
          <Text size="sm" c="dimmed">
            {unitName}
            {form.batch ? ` — lô ${form.batch}` : ''}. Nhập theo phiếu giấy; lần nhập đầu không hiện
            ra để hai lần nhập độc lập với nhau.
          </Text>
        </div>
        <ErrorMessage error={failure} title="Chưa lưu được (những gì đã gõ vẫn còn)" />
        <AnswerGrid
          idPrefix={PREFIX}
          questions={questions}
          values={values}
          errors={errors}
          onChange={(code, typed) => {
            setValues((v) => ({ ...v, [code]: typed }));
            setErrors(({ [code]: _, ...rest }) => rest);
          }}
          onAfterLast={() => focus(ids.save)}
          onSubmit={() => void save()}
        />
        <Group>
          <Button id={ids.save} onClick={() => void save()} loading={busy}>
            Lưu lần nhập thứ hai
          </Button>
          <Button variant="default" onClick={onCancel}>
            Huỷ
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
