import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SurveyImported } from '@chiso/contract';
import { api } from '../../api/client';
import { notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { surveyKeys, type QuestionnaireJson, type SurveyDetail } from './api';
import { emptyDraft } from './draft';
import { QuestionnaireForm } from './questionnaire-form';

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
  const navigate = useNavigate();
  const client = useQueryClient();
  // A job on the server (decision 0042): its progress and "Dừng nhập", then the new draft.
  const run = useImportJob(`/periods/${periodId}/surveys/import`, async (job) => {
    const survey = job.result as SurveyImported;
    await client.invalidateQueries({ queryKey: surveyKeys.list(periodId) });
    notifySaved(`Đã nhập phiếu "${survey.name}" (${survey.questionCount} câu hỏi)`);
    await navigate(`/khao-sat/${survey.id}`);
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
        <ImportJobStatus state={run} />
        <Group>
          <Button onClick={() => file && run.start(file)} loading={run.busy} disabled={!file}>
            Nhập phiếu
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
