import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { SIPAS_ELEMENTS } from '@chiso/core/surveys/questionnaire.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { notifySaved } from '../../components/feedback';
import { points } from '../../lib/format';
import { surveyKeys, type QuestionnaireJson, type SurveyDetail } from './api';
import { draftFrom, type Draft } from './draft';
import { QuestionnaireForm } from './questionnaire-form';
import { usePeriodFramework } from './survey-leaves';

/** The questionnaire as respondents see it, with what each answer is worth; editable until answered. */
export function QuestionsTab({ survey }: { survey: SurveyDetail }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const client = useQueryClient();
  const { leaves } = usePeriodFramework(survey.periodId, survey.ratedUnitType);
  const save = useMutation({
    mutationFn: (input: { questionnaire: QuestionnaireJson; recheckPercent: number }) =>
      api<SurveyDetail>('PUT', `/surveys/${survey.id}`, { ...input, version: survey.version }),
    onSuccess: async (updated) => {
      client.setQueryData(surveyKeys.detail(survey.id), updated);
      await client.invalidateQueries({ queryKey: surveyKeys.list(survey.periodId) });
      setDraft(null);
      notifySaved('Đã lưu phiếu');
    },
    onError: async (error) => {
      // Someone saved first: load what is stored, keep what was typed for another try.
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        await client.invalidateQueries({ queryKey: surveyKeys.detail(survey.id) });
      }
    },
  });
  const q = survey.questionnaire;
  const titles = new Map([...leaves.survey, ...leaves.externalIndex].map((l) => [l.code, l.title]));
  const editable = survey.responses === 0;

  if (draft) {
    return (
      <Card withBorder>
        <QuestionnaireForm
          periodId={survey.periodId}
          draft={draft}
          onChange={setDraft}
          onSubmit={(questionnaire, recheckPercent) =>
            save.mutate({ questionnaire, recheckPercent })
          }
          submitLabel="Lưu phiếu"
          busy={save.isPending}
          error={save.error}
          onCancel={() => {
            setDraft(null);
            save.reset();
          }}
        />
      </Card>
    );
  }
  return (
    <Stack>
      <Group>
        {editable && (
          <Button onClick={() => setDraft(draftFrom(q, survey.recheckPercent))}>Sửa phiếu</Button>
        )}
        <Button component="a" href={`/api/surveys/${survey.id}/export.xlsx`} variant="default">
          Tải phiếu (.xlsx)
        </Button>
      </Group>
      {!editable && (
        <Alert color="blue">
          Phiếu đã có {survey.responses} câu trả lời nên câu hỏi không sửa được nữa.
        </Alert>
      )}
      <Text size="sm">
        Nhóm đối tượng: <b>{q.groupLabel}</b> (mã {q.group}) — phúc tra {survey.recheckPercent}%
        phiếu giấy
      </Text>
      {q.kind === 'sipas' && q.sipas && (
        <Text size="sm">
          SIPAS {q.sipas.mode === 'spot' ? 'đột xuất' : 'thường xuyên'}: chỉ tiêu trên{' '}
          {points(q.sipas.target)}%, chỉ số chung ={' '}
          {q.sipas.formula === 'pooled' ? 'gộp mọi câu trả lời' : 'trung bình các yếu tố'}
          {q.sipas.leafCode
            ? `, đưa vào tiêu chí ${q.sipas.leafCode}${titles.has(q.sipas.leafCode) ? ` (${titles.get(q.sipas.leafCode)})` : ''}`
            : ''}
        </Text>
      )}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Câu hỏi của phiếu">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Câu hỏi</Table.Th>
                <Table.Th>{q.kind === 'sipas' ? 'Yếu tố SIPAS' : 'Tiêu chí'}</Table.Th>
                <Table.Th>Phương án (trọng số)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.questions.map((question) => (
                <Table.Tr key={question.code}>
                  <Table.Td fw={600}>{question.code}</Table.Td>
                  <Table.Td>
                    {question.text}
                    {question.optional && (
                      <Badge size="xs" variant="light" color="gray" ml={6}>
                        không bắt buộc
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {q.kind === 'sipas' ? (
                      question.element ? (
                        (SIPAS_ELEMENTS[question.element] ?? question.element)
                      ) : (
                        <Text c="red" size="sm">
                          chưa chọn
                        </Text>
                      )
                    ) : question.leafCode ? (
                      <Text size="sm">
                        <b>{question.leafCode}</b>
                        {titles.has(question.leafCode) && `. ${titles.get(question.leafCode)}`}
                      </Text>
                    ) : (
                      <Text c="red" size="sm">
                        chưa gắn tiêu chí
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={0} listStyleType="none">
                      {question.options.map((o) => (
                        <List.Item key={o.key}>
                          {o.key}. {o.label} ({points(o.weight)}%)
                          {q.kind === 'sipas' && o.satisfied && ' — hài lòng'}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
