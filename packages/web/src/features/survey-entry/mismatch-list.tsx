import { Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import {
  entryKeys,
  resolveRecheck,
  type Difference,
  type EntryQuestion,
  type KeyAnswers,
  type RechecksView,
} from './api';

/** A blank answer as a radio value (radio values are strings). */
const BLANK = '';

const shown = (key: string | null) => (key === null || key === '' ? 'bỏ trống' : key);

/** The differences of a re-check in a table: question, first entry, second entry. */
export function DifferencesTable({
  differences,
  questions,
}: {
  differences: Difference[];
  questions: readonly EntryQuestion[];
}) {
  const text = new Map(questions.map((q) => [q.code, q.text]));
  return (
    <Table withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Câu</Table.Th>
          <Table.Th>Lần đầu</Table.Th>
          <Table.Th>Lần hai</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {differences.map((d) => (
          <Table.Tr key={d.question}>
            <Table.Td>
              <b>{d.question}</b> {text.get(d.question)}
            </Table.Td>
            <Table.Td>{shown(d.first)}</Table.Td>
            <Table.Td>{shown(d.second)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Forms whose two entries differ: the clerk looks at the paper and picks the right answers. */
export function MismatchList({
  surveyId,
  mismatches,
  questions,
}: {
  surveyId: string;
  mismatches: RechecksView['mismatches'];
  questions: readonly EntryQuestion[];
}) {
  if (mismatches.length === 0) {
    return <Text c="dimmed">Không có phiếu nào lệch giữa hai lần nhập.</Text>;
  }
  return (
    <Stack>
      {mismatches.map((m) => (
        <Mismatch key={m.responseId} surveyId={surveyId} mismatch={m} questions={questions} />
      ))}
    </Stack>
  );
}

function Mismatch({
  surveyId,
  mismatch,
  questions,
}: {
  surveyId: string;
  mismatch: RechecksView['mismatches'][number];
  questions: readonly EntryQuestion[];
}) {
  const client = useQueryClient();
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const resolve = useMutation({
    mutationFn: () => {
      const answers: KeyAnswers = {};
      for (const d of mismatch.differences) {
        const choice = choices[d.question] ?? BLANK;
        answers[d.question] = choice === BLANK ? null : choice;
      }
      return resolveRecheck(surveyId, mismatch.responseId, answers);
    },
    onSuccess: async () => {
      notifySaved(`Đã xử lý phiếu số ${mismatch.formNumber}`);
      await client.invalidateQueries({ queryKey: entryKeys.all(surveyId) });
    },
  });
  const complete = mismatch.differences.every((d) => choices[d.question] !== undefined);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>
          Phiếu số {mismatch.formNumber} — lệch {mismatch.differences.length} câu
        </Title>
        {mismatch.differences.map((d) => {
          const question = byCode.get(d.question);
          const note = (key: string | null) =>
            [key === d.first && 'lần đầu', key === d.second && 'lần hai']
              .filter(Boolean)
              .join(', ');
          const options: { value: string; key: string | null; label: string }[] = [
            ...(question?.options ?? []).map((o) => ({
              value: o.key,
              key: o.key,
              label: `${o.key}. ${o.label}`,
            })),
            ...(question?.optional || d.first === null || d.second === null
              ? [{ value: BLANK, key: null, label: 'Bỏ trống' }]
              : []),
          ];
          return (
            <Radio.Group
              key={d.question}
              label={`Câu ${d.question}${question ? `: ${question.text}` : ''}`}
              description={`Lần đầu: ${shown(d.first)} — lần hai: ${shown(d.second)}. Chọn phương án đúng theo phiếu giấy.`}
              value={choices[d.question] ?? null}
              onChange={(value) => setChoices((c) => ({ ...c, [d.question]: value }))}
            >
              <Group mt="xs" gap="md">
                {options.map((o) => {
                  const which = note(o.key);
                  return (
                    <Radio
                      key={o.value}
                      value={o.value}
                      label={which ? `${o.label} (${which})` : o.label}
                    />
                  );
                })}
              </Group>
            </Radio.Group>
          );
        })}
        <ErrorMessage error={resolve.error} title="Chưa xử lý được" />
        <Group>
          <Button onClick={() => resolve.mutate()} loading={resolve.isPending} disabled={!complete}>
            Xác nhận phương án đúng
          </Button>
          {!complete && (
            <Text size="sm" c="dimmed">
              Chọn phương án cho từng câu lệch.
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
