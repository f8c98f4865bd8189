import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError, ApiIssue } from '../../api/client';
import { ErrorMessage } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { entryKeys, type EntrySurvey } from './api';

/**
 * A CSV to fill in with the columns the import reads, one per question: UTF-8 with a BOM and
 * semicolons, as Excel set for Vietnamese (decimal comma) opens and saves it.
 */
function downloadTemplate(survey: EntrySurvey) {
  const header = [
    'Số phiếu',
    'Lô',
    'Mã đơn vị',
    ...survey.questionnaire.questions.map((q) => q.code),
  ];
  const quote = (cell: string) => (/[";\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const blob = new Blob([`\uFEFF${header.map(quote).join(';')}\r\n`], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'mau-nhap-phieu.csv';
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every problem of a refused file in the file's order, whatever order the checks found them in. */
function ProblemsTable({ error }: { error: ApiError }) {
  const issues: ApiIssue[] = [...error.issues].sort(
    (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0),
  );
  if (issues.length === 0)
    return <ErrorMessage error={error} title="Tệp chưa nhập được (không phiếu nào được lưu)" />;
  return (
    <Stack gap="xs">
      <Alert color="red" title="Tệp chưa nhập được (không phiếu nào được lưu)" role="alert">
        {error.message}
      </Alert>
      <Table.ScrollContainer minWidth={560} mah={480}>
        <Table striped withTableBorder stickyHeader aria-label="Các lỗi trong tệp">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Trang</Table.Th>
              <Table.Th>Dòng</Table.Th>
              <Table.Th>Cột</Table.Th>
              <Table.Th>Lỗi</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, i) => (
              <Table.Tr key={i}>
                <Table.Td>{issue.sheet ?? '—'}</Table.Td>
                <Table.Td>{issue.row ?? '—'}</Table.Td>
                <Table.Td>
                  {issue.column ?? ''}
                  {issue.field ? `${issue.column ? ' ' : ''}(${issue.field})` : ''}
                  {!issue.column && !issue.field ? '—' : ''}
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * The post office's file of answers (.xlsx or .csv) in one go: uploaded, then read, checked
 * and saved by the server as a job (decision 0044) whose progress shows here and which can be
 * stopped; all rows or none, and when it is refused, every problem with its sheet, row and column.
 */
export function ImportTab({ survey }: { survey: EntrySurvey }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const run = useImportJob(`/surveys/${survey.id}/responses/import`, async (job) => {
    setImported(Number((job.result as { imported?: number } | null)?.imported ?? 0));
    setFile(null);
    await client.invalidateQueries({ queryKey: entryKeys.all(survey.id) });
  });
  const codes = survey.questionnaire.questions.map((q) => q.code).join(', ');
  return (
    <Stack>
      <Text size="sm">
        Mỗi dòng một phiếu, các cột: <b>Số phiếu</b>, <b>Lô</b>, <b>Mã đơn vị</b> và một cột cho mỗi
        câu ({codes}) ghi chữ của phương án (bỏ trống câu không bắt buộc). Tệp được nhận cả hoặc
        không: có một lỗi thì không phiếu nào được lưu. Máy chủ nhập tệp ở chế độ chạy nền: có thể
        theo dõi tiến độ hoặc dừng nhập.{' '}
        <Anchor component="button" type="button" onClick={() => downloadTemplate(survey)}>
          Tải tệp mẫu (.csv)
        </Anchor>
      </Text>
      <FilePicker
        file={file}
        onFile={(f) => {
          setFile(f);
          setImported(null);
        }}
        label="Kéo thả tệp .xlsx hoặc .csv của bưu điện vào đây, hoặc bấm để chọn"
      />
      <ImportJobStatus state={run} problems={(error) => <ProblemsTable error={error} />} />
      <Group>
        <Button
          onClick={() => {
            if (!file) return;
            setImported(null);
            run.start(file);
          }}
          disabled={!file}
          loading={run.busy}
        >
          Nhập phiếu từ tệp
        </Button>
      </Group>
      {imported !== null && (
        <Alert
          color="green"
          title={`Đã nhập ${imported.toLocaleString('vi-VN')} phiếu`}
          role="status"
        />
      )}
    </Stack>
  );
}
