import type { StatisticsImported, StatisticsPreview } from '@chiso/contract';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { issueText } from '../../api/issues';
import { DateInput, isoDate } from '../../components/date-input';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { count } from '../../lib/format';
import { query, statisticsKeys, statisticsPath } from './api';
import { MappingTable, mappingProblem, type Columns } from './mapping-table';

/**
 * The one-stop system's export into the period: choose the file, check the sheet, the header
 * row and what each column is (remembered or guessed), then import every row or none.
 */
export function StatisticsImport({ periodId }: { periodId: string }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<StatisticsPreview | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [countedTo, setCountedTo] = useState('');
  const [done, setDone] = useState<StatisticsImported | null>(null);
  const path = statisticsPath(periodId);
  // Reading the file and importing it run on the server as import jobs (decision 0043); the
  // hook follows only the latest preview asked (the header row may change as it is typed).
  const reader = useImportJob(`${path}/preview`, (job) => {
    const answer = job.result as StatisticsPreview;
    setPreview(answer);
    setColumns(answer.mapping.columns);
  });
  const importer = useImportJob(`${path}/import`, async (job) => {
    setDone(job.result as StatisticsImported);
    setPreview(null);
    setFile(null);
    await client.invalidateQueries({ queryKey: statisticsKeys.all(periodId) });
  });
  const busy = reader.busy ? 'preview' : importer.busy ? 'import' : null;

  const read = (chosen: File, sheet?: string, headerRow?: number) => {
    setDone(null);
    reader.start(chosen, `${path}/preview${query({ sheet, headerRow })}`);
  };

  const run = () => {
    if (!file || !preview) return;
    const mapping = JSON.stringify({ headerRow: preview.headerRow, columns });
    importer.start(
      file,
      `${path}/import${query({ mapping, sheet: preview.sheet, countedTo: isoDate(countedTo) })}`,
    );
  };

  // A file that could not be read again (another sheet, another header row) shows why only.
  const unread = reader.job?.state === 'failed' || reader.job?.state === 'cancelled';
  const problem = preview ? mappingProblem(columns) : undefined;
  const changed =
    preview !== null && JSON.stringify(columns) !== JSON.stringify(preview.mapping.columns);
  // The preview's issues hold for the mapping it proposed: importing that mapping would fail.
  const blocked = preview !== null && preview.issues.length > 0 && !changed;
  const dateInvalid = countedTo.trim() !== '' && isoDate(countedTo) === undefined;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>Nhập số liệu từ hệ thống một cửa</Title>
        <Text size="sm" c="dimmed">
          Tệp .xlsx hoặc .csv xuất từ hệ thống một cửa: mỗi dòng một đơn vị (mã hoặc tên đơn vị tham
          gia kỳ), các cột là số hồ sơ. Dòng &quot;Tổng cộng&quot; được bỏ qua. Có lỗi ở bất kỳ dòng
          nào thì không dòng nào được lưu; số liệu mới thay thế số liệu cũ của đơn vị.
        </Text>
        <FilePicker
          file={file}
          onFile={(chosen) => {
            setFile(chosen);
            setPreview(null);
            setDone(null);
            if (chosen) read(chosen);
          }}
          label="Kéo thả hoặc chọn tệp số liệu thống kê TTHC"
        />
        <ImportJobStatus state={reader} />
        {done && (
          <Alert color="green" title="Đã nhập số liệu" role="status">
            Đã nhập số liệu của {count(done.imported)} đơn vị từ trang &quot;{done.sheet}&quot;.
          </Alert>
        )}
        {file && preview && !unread && (
          <Stack gap="sm">
            <Group align="flex-end">
              {preview.sheets.length > 1 && (
                <Select
                  label="Trang tính"
                  data={preview.sheets}
                  value={preview.sheet}
                  onChange={(sheet) => sheet && read(file, sheet)}
                  allowDeselect={false}
                  w={260}
                />
              )}
              <NumberInput
                label="Dòng tiêu đề"
                description="Dòng có tên các cột"
                value={preview.headerRow}
                min={1}
                max={1000}
                allowDecimal={false}
                onChange={(value) => {
                  if (typeof value === 'number' && value >= 1 && value !== preview.headerRow)
                    read(file, preview.sheet, value);
                }}
                w={160}
              />
              <Text size="sm" pb={8}>
                Đọc được {count(preview.rows)} dòng đơn vị
              </Text>
            </Group>
            <Text size="sm" fw={500} c={preview.remembered ? 'teal.8' : undefined}>
              {preview.remembered
                ? 'Đã dùng cách ghép cột lần trước cho tệp có cùng tiêu đề.'
                : 'Cách ghép cột đề xuất theo tiêu đề của tệp; hãy kiểm tra từng cột.'}
            </Text>
            <MappingTable headers={preview.headers} columns={columns} onChange={setColumns} />
            {preview.issues.length > 0 && (
              <Alert color="orange" title={`Tệp có ${count(preview.issues.length)} lỗi cần sửa`}>
                {changed && (
                  <Text size="sm" mb={4}>
                    Các lỗi dưới đây theo cách ghép cột đề xuất; khi nhập, tệp được kiểm tra lại
                    theo cách ghép cột đã chọn.
                  </Text>
                )}
                <List size="sm" spacing={2}>
                  {preview.issues.slice(0, 20).map((issue, i) => (
                    <List.Item key={i}>{issueText(issue)}</List.Item>
                  ))}
                </List>
                {preview.issues.length > 20 && (
                  <Text size="sm">… và {count(preview.issues.length - 20)} lỗi khác</Text>
                )}
              </Alert>
            )}
            <DateInput
              label="Số liệu tính đến ngày"
              value={countedTo}
              onChange={setCountedTo}
              width={200}
            />
            {problem && (
              <Text size="sm" c="red">
                {problem}
              </Text>
            )}
            <ImportJobStatus state={importer} />
            {blocked && (
              <Text size="sm" c="orange.8">
                Sửa các lỗi trong tệp (hoặc cách ghép cột) rồi chọn lại tệp để nhập.
              </Text>
            )}
            <Group>
              <Button
                onClick={run}
                loading={busy === 'import'}
                disabled={busy !== null || problem !== undefined || dateInvalid || blocked}
              >
                Nhập số liệu
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
