import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '@chiso/core/format/format.js';
import { api } from '../../api/client';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import type { ImportedCount, Sample } from '@chiso/contract';
import { surveyKeys, type SurveyDetail } from './api';
import { useSurveyUnits } from './survey-units';

/**
 * The sampling frame: the people who dealt with each unit (from the one-stop desk's records),
 * imported from a sheet; a sample is drawn up to each unit's target and given codes.
 */
export function FrameTab({ survey }: { survey: SurveyDetail }) {
  const client = useQueryClient();
  const { units } = useSurveyUnits(survey);
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: surveyKeys.detail(survey.id) });
  // A job on the server (decision 0042): its progress and "Dừng nhập", then the new count.
  const importFrame = useImportJob(`/surveys/${survey.id}/frame/import`, async (job) => {
    const result = job.result as ImportedCount;
    await refresh();
    setFile(null);
    notifySaved(`Đã nhập ${formatCount(result.imported)} người vào danh sách chọn mẫu`);
  });
  const draw = useMutation({
    mutationFn: () =>
      api<Sample>('POST', `/surveys/${survey.id}/frame/sample`, unitId ? { unitId } : {}),
    onSuccess: async (result) => {
      await refresh();
      await client.invalidateQueries({ queryKey: ['surveys', survey.id, 'codes'] });
      notifySaved(
        result.sampled > 0
          ? `Đã chọn ${result.sampled} người và cấp mã phiếu; xem và in ở thẻ "Mã phiếu"`
          : 'Không chọn thêm ai: các đơn vị đã đủ chỉ tiêu hoặc hết người trong danh sách',
      );
    },
  });
  const withoutTarget = survey.targets.every((t) => t.target === 0);
  return (
    <Stack>
      <Text>
        Danh sách hiện có <b>{survey.frame.total}</b> người, đã chọn vào mẫu{' '}
        <b>{survey.frame.sampled}</b>.
      </Text>
      <Card withBorder>
        <Stack>
          <Title order={4}>Nhập danh sách chọn mẫu</Title>
          <Text size="sm" c="dimmed">
            Tệp .xlsx hoặc .csv, mỗi dòng một người, các cột: Mã đơn vị, Họ và tên, Liên hệ, Thủ
            tục, Ngày hoàn thành (dd/mm/yyyy). Tệp có lỗi thì không dòng nào được nhập; lỗi được chỉ
            rõ theo trang, dòng, cột.
          </Text>
          <FilePicker
            file={file}
            onFile={(f) => {
              setFile(f);
              importFrame.reset();
            }}
            label="Kéo thả tệp danh sách vào đây, hoặc bấm để chọn"
          />
          <ImportJobStatus state={importFrame} />
          <Group>
            <Button
              onClick={() => file && importFrame.start(file)}
              loading={importFrame.busy}
              disabled={!file}
            >
              Nhập danh sách
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={4}>Chọn mẫu và cấp mã</Title>
          <Text size="sm" c="dimmed">
            Chọn ngẫu nhiên trong danh sách của mỗi đơn vị những người chưa được chọn, cho đủ chỉ
            tiêu ở "Kế hoạch mẫu" (tính cả các mã đã cấp); mỗi người được chọn nhận một mã phiếu.
          </Text>
          {withoutTarget && (
            <Alert color="yellow">
              Chưa đặt chỉ tiêu cho đơn vị nào: hãy lập kế hoạch mẫu trước.
            </Alert>
          )}
          <Group align="flex-end">
            <Select
              label="Đơn vị"
              placeholder="Mọi đơn vị"
              data={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
              value={unitId}
              onChange={setUnitId}
              clearable
              searchable
              w={{ base: '100%', sm: 320 }}
            />
            <Button
              onClick={() => draw.mutate()}
              loading={draw.isPending}
              disabled={survey.frame.total === 0}
            >
              Chọn mẫu
            </Button>
          </Group>
          <ErrorMessage error={draw.error} />
        </Stack>
      </Card>
    </Stack>
  );
}
