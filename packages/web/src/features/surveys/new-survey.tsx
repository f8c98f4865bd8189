import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, upload } from '../../api/client';
import { notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { surveyKeys, type QuestionnaireJson, type SurveyDetail } from './api';
import { emptyDraft } from './draft';
import { QuestionnaireForm } from './questionnaire-form';
import { SurveyError } from './survey-error';

/** Writes a questionnaire by hand; folded until asked for. */
export function CreateSurvey({ periodId }: { periodId: string }) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState(() => emptyDraft(null));
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (input: { questionnaire: QuestionnaireJson; recheckPercent: number }) =>
      api<SurveyDetail>('POST', `/periods/${periodId}/surveys`, input),
    onSuccess: async (survey) => {
      await client.invalidateQueries({ queryKey: surveyKeys.list(periodId) });
      notifySaved(`Đã tạo phiếu "${survey.name}"`);
      await navigate(`/khao-sat/${survey.id}`);
    },
  });
  if (!opened) {
    return (
      <Group>
        <Button onClick={() => setOpened(true)}>Tạo phiếu khảo sát</Button>
      </Group>
    );
  }
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Tạo phiếu khảo sát
      </Title>
      <QuestionnaireForm
        periodId={periodId}
        draft={draft}
        onChange={setDraft}
        onSubmit={(questionnaire, recheckPercent) =>
          create.mutate({ questionnaire, recheckPercent })
        }
        submitLabel="Tạo phiếu"
        busy={create.isPending}
        error={create.error}
        onCancel={() => setOpened(false)}
      />
    </Card>
  );
}

/** Reads a questionnaire from the workbook layout the export writes; nothing is saved on a problem. */
export function ImportSurvey({ periodId }: { periodId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const navigate = useNavigate();
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: (chosen: File) =>
      upload<SurveyDetail>(`/periods/${periodId}/surveys/import`, chosen, setProgress),
    onSuccess: async (survey) => {
      await client.invalidateQueries({ queryKey: surveyKeys.list(periodId) });
      notifySaved(`Đã nhập phiếu "${survey.name}" (${survey.questionCount} câu hỏi)`);
      await navigate(`/khao-sat/${survey.id}`);
    },
    onSettled: () => setProgress(null),
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Nhập phiếu từ Excel</Title>
        <Text size="sm" c="dimmed">
          Tệp .xlsx có trang "Thông tin" (Tên phiếu, Loại phiếu, Mã và tên nhóm đối tượng, Loại đơn
          vị được đánh giá; với SIPAS thêm hình thức, chỉ tiêu) và trang "Câu hỏi" mỗi dòng một
          phương án: Mã câu, Nội dung câu hỏi, Mã tiêu chí hoặc Yếu tố SIPAS, Không bắt buộc, Phương
          án, Nội dung phương án, Trọng số (%), Hài lòng. Tải một phiếu đã có về để xem mẫu.
        </Text>
        <FilePicker
          file={file}
          accept=".xlsx"
          onFile={(f) => {
            setFile(f);
            run.reset();
          }}
          label="Kéo thả tệp phiếu .xlsx vào đây, hoặc bấm để chọn"
        />
        <SurveyError error={run.error} title="Tệp chưa nhập được (không có gì được lưu)" />
        <Group>
          <Button onClick={() => file && run.mutate(file)} loading={run.isPending} disabled={!file}>
            Nhập phiếu
          </Button>
          {progress !== null && progress < 1 && (
            <Text size="sm" c="dimmed" role="status">
              Đang tải lên…
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
