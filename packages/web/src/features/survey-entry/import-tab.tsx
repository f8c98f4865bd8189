import { Alert, Anchor, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type ApiIssue } from '../../api/client';
import { ErrorMessage } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { entryKeys, importResponses, type EntrySurvey } from './api';

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

/**
 * The post office's file of answers (.xlsx or .csv) in one go: all rows or none, and when it is
 * refused, every problem with its sheet, row and column.
 */
export function ImportTab({ survey }: { survey: EntrySurvey }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);

  const run = async () => {
    if (!file) return;
    setError(null);
    setImported(null);
    setProgress(0);
    try {
      const result = await importResponses(survey.id, file, setProgress);
      setImported(result.imported);
      setFile(null);
      await client.invalidateQueries({ queryKey: entryKeys.all(survey.id) });
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };

  // In the file's order, whatever order the checks found them in.
  const issues: ApiIssue[] =
    error instanceof ApiError
      ? [...error.issues].sort(
          (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0),
        )
      : [];
  const codes = survey.questionnaire.questions.map((q) => q.code).join(', ');
  return (
    <Stack>
      <Text size="sm">
        Mỗi dòng một phiếu, các cột: <b>Số phiếu</b>, <b>Lô</b>, <b>Mã đơn vị</b> và một cột cho mỗi
        câu ({codes}) ghi chữ của phương án (bỏ trống câu không bắt buộc). Tệp được nhận cả hoặc
        không: có một lỗi thì không phiếu nào được lưu.{' '}
        <Anchor component="button" type="button" onClick={() => downloadTemplate(survey)}>
          Tải tệp mẫu (.csv)
        </Anchor>
      </Text>
      <FilePicker
        file={file}
        onFile={(f) => {
          setFile(f);
          setError(null);
          setImported(null);
        }}
        label="Kéo thả tệp .xlsx hoặc .csv của bưu điện vào đây, hoặc bấm để chọn"
      />
      {progress !== null && (
        <Stack gap={4}>
          <Text size="sm" id="nhap-tep-tien-do">
            {progress < 1
              ? `Đang tải lên… ${Math.round(progress * 100)}%`
              : 'Đã tải lên; máy chủ đang kiểm tra từng dòng…'}
          </Text>
          <Progress
            value={progress * 100}
            animated={progress >= 1}
            aria-labelledby="nhap-tep-tien-do"
          />
        </Stack>
      )}
      <Group>
        <Button onClick={() => void run()} disabled={!file} loading={progress !== null}>
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
      {error !== null && issues.length === 0 && (
        <ErrorMessage error={error} title="Tệp chưa nhập được (không phiếu nào được lưu)" />
      )}
      {issues.length > 0 && (
        <Stack gap="xs">
          <Alert color="red" title="Tệp chưa nhập được (không phiếu nào được lưu)" role="alert">
            {error instanceof Error ? error.message : ''}
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
      )}
    </Stack>
  );
}
