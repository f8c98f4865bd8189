import { Alert, Anchor, Breadcrumbs, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { StateText } from '../../components/state-text';
import {
  STATUS_LABELS,
  statusColorOf,
  statusLabelOf,
  surveyKeys,
  useSurvey,
  type SurveyDetail,
  type SurveyStatus,
} from './api';
import { CodesTab } from './codes-tab';
import { Collected } from './collected';
import { ConfirmButton } from './confirm-button';
import { FrameTab } from './frame-tab';
import { LinksTab } from './links-tab';
import { QuestionsTab } from './questions-tab';
import { SurveyError } from './survey-error';
import { TargetsTab } from './targets-tab';

const TABS = [
  { value: 'cau-hoi', label: 'Câu hỏi' },
  { value: 'ke-hoach-mau', label: 'Kế hoạch mẫu' },
  { value: 'chon-mau', label: 'Danh sách chọn mẫu' },
  { value: 'ma-phieu', label: 'Mã phiếu' },
  { value: 'duong-dan', label: 'Đường dẫn mở' },
] as const;

export default function SurveyPage() {
  const { surveyId = '' } = useParams();
  const survey = useSurvey(surveyId);
  const [params, setParams] = useSearchParams();
  if (survey.isPending) return <Loading />;
  if (survey.error) return <ErrorMessage error={survey.error} />;
  const s = survey.data;
  const tab = TABS.some((t) => t.value === params.get('tab')) ? params.get('tab') : 'cau-hoi';
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/khao-sat?ky=${s.periodId}`}>
          Khảo sát
        </Anchor>
        <Text span>{s.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{s.name}</Title>
            <StateText color={`${statusColorOf(s)}.8`}>{statusLabelOf(s)}</StateText>
          </Group>
          <Text c="dimmed">
            {s.kind === 'sipas' ? 'Khảo sát sự hài lòng (SIPAS)' : 'Điều tra xã hội học'} —{' '}
            {s.groupLabel} đánh giá {unitTypeLabel(s.ratedUnitType)} — {s.questionCount} câu hỏi
          </Text>
          <Stack maw={320} mt={6}>
            <Collected responses={s.responses} target={s.target} />
          </Stack>
        </div>
        {s.periodStatus === 'open' && <StatusActions survey={s} />}
      </Group>
      {s.periodStatus !== 'open' && s.answersRefused && (
        <Alert color="gray" title="Phiếu khảo sát không còn nhận trả lời" role="note">
          {s.answersRefused}. Mã phiếu, đường dẫn mở, phiếu giấy và tệp của bưu điện đều bị từ chối;
          số liệu đã thu được giữ nguyên như khi Hội đồng thông qua.
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => value && setParams({ tab: value }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="cau-hoi" pt="md">
          <QuestionsTab survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="ke-hoach-mau" pt="md">
          <TargetsTab survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="chon-mau" pt="md">
          <FrameTab survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="ma-phieu" pt="md">
          <CodesTab survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="duong-dan" pt="md">
          <LinksTab survey={s} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

interface Move {
  to: SurveyStatus;
  label: string;
  title: string;
  message: string;
  color?: string;
}

function movesOf(survey: SurveyDetail): Move[] {
  const toDraft: Move = {
    to: 'draft',
    label: 'Trở về nháp',
    title: 'Đưa phiếu về nháp?',
    message:
      'Người trả lời sẽ không gửi được phiếu cho đến khi phiếu được mở lại; trong lúc là bản nháp, câu hỏi sửa được.',
    color: 'gray',
  };
  switch (survey.status) {
    case 'draft':
      return [
        {
          to: 'open',
          label: 'Mở khảo sát',
          title: 'Mở khảo sát?',
          message:
            'Phiếu được kiểm tra với bộ chỉ số của kỳ; sau khi mở, mã phiếu và đường dẫn mở nhận câu trả lời, nhân viên nhập được phiếu giấy.',
        },
      ];
    case 'open':
      return [
        {
          to: 'closed',
          label: 'Đóng khảo sát',
          title: 'Đóng khảo sát?',
          message: 'Không nhận thêm câu trả lời. Khi đóng, số liệu khảo sát được tính lại ngay.',
          color: 'red',
        },
        ...(survey.responses === 0 ? [toDraft] : []),
      ];
    case 'closed':
      return [
        {
          to: 'open',
          label: 'Mở lại',
          title: 'Mở lại khảo sát?',
          message: 'Mã phiếu chưa dùng và đường dẫn mở lại nhận câu trả lời.',
        },
        ...(survey.responses === 0 ? [toDraft] : []),
      ];
  }
}

/** Open, close or take back to draft, each after a confirmation. */
function StatusActions({ survey }: { survey: SurveyDetail }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (status: SurveyStatus) =>
      api<SurveyDetail>('POST', `/surveys/${survey.id}/status`, { status }),
    onSuccess: async (updated) => {
      client.setQueryData(surveyKeys.detail(survey.id), updated);
      await client.invalidateQueries({ queryKey: surveyKeys.list(survey.periodId) });
      notifySaved(`Phiếu: ${STATUS_LABELS[updated.status].toLowerCase()}`);
    },
  });
  return (
    <Stack gap="xs" align="flex-end" maw={520}>
      <Group gap="xs" justify="flex-end">
        {movesOf(survey).map((move) => (
          <ConfirmButton
            key={move.to}
            title={move.title}
            message={move.message}
            confirmLabel={move.label}
            onConfirm={() => change.mutate(move.to)}
            loading={change.isPending && change.variables === move.to}
            variant={move.to === 'draft' ? 'default' : 'filled'}
            color={move.color}
          >
            {move.label}
          </ConfirmButton>
        ))}
      </Group>
      <SurveyError error={change.error} title="Chưa đổi được trạng thái phiếu" />
    </Stack>
  );
}
