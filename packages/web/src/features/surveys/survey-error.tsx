import { Alert, List, Table, Text } from '@mantine/core';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/feedback';
import { describePath } from './draft';

/** Issues listed at most; a file with more is usually the wrong file. */
const SHOWN = 200;

/**
 * What the server found wrong: in an uploaded file, a table by sheet, row and column so it can
 * be fixed in the spreadsheet; in a questionnaire, each problem under the question and option
 * it concerns ("Câu 2, phương án 1"); anything else as the usual message.
 */
export function SurveyError({ error, title }: { error: unknown; title?: string }) {
  const issues = error instanceof ApiError ? error.issues : [];
  const located = issues.some((i) => i.sheet !== undefined || i.row !== undefined);
  if (!error) return null;
  if (!located && issues.some((i) => i.path)) {
    return (
      <Alert color="red" title={title ?? 'Không thực hiện được'} role="alert">
        <Text size="sm">{error instanceof Error ? error.message : ''}</Text>
        <List size="sm" mt="xs" spacing={2}>
          {issues.map((issue, i) => (
            <List.Item key={i}>
              {issue.path ? `${describePath(issue.path)}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (!located) return <ErrorMessage error={error} title={title} />;
  return (
    <Alert color="red" title={title ?? 'Tệp chưa nhập được'} role="alert">
      <Text size="sm" mb="xs">
        {error instanceof Error ? error.message : ''} — {issues.length} lỗi
        {issues.length > SHOWN ? `, hiện ${SHOWN} lỗi đầu` : ''}.
      </Text>
      <Table.ScrollContainer minWidth={520} mah={360}>
        <Table withTableBorder bg="white" fz="sm" aria-label="Các lỗi trong tệp">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Trang tính</Table.Th>
              <Table.Th ta="right">Dòng</Table.Th>
              <Table.Th>Cột</Table.Th>
              <Table.Th>Lỗi</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.slice(0, SHOWN).map((issue, i) => (
              <Table.Tr key={i}>
                <Table.Td>{issue.sheet ?? '—'}</Table.Td>
                <Table.Td ta="right">{issue.row ?? '—'}</Table.Td>
                <Table.Td>
                  {issue.column ?? ''}
                  {issue.field ? ` (${issue.field})` : ''}
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
