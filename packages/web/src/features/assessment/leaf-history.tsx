import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useHistory } from '../../api/hooks';
import type { HistoryRow } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/feedback';

/** "Tử số (đạt): 574 → 596", or "Tài liệu: bao-cao.pdf" for something new. */
function Change({ change }: { change: HistoryRow['changes'][number] }) {
  return (
    <Text size="xs">
      <Text span size="xs" fw={600}>
        {change.label}:
      </Text>{' '}
      {change.before !== undefined && (
        <>
          <Text span size="xs" c="dimmed">
            {change.before}
          </Text>
          {' → '}
        </>
      )}
      {change.after}
    </Text>
  );
}

/**
 * Who changed this leaf, when (Vietnam time), what they did and what changed, in the words of
 * the forms. The address a change came from is sent to administrators only.
 */
export function LeafHistory({
  periodId,
  unitId,
  code,
}: {
  periodId: string;
  unitId: string;
  code: string;
}) {
  const [open, setOpen] = useState(false);
  const history = useHistory(periodId, unitId, code, open);
  const rows = history.data ?? [];
  const showIp = rows.some((row) => row.ip !== undefined);
  return (
    <div>
      <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Ẩn lịch sử thay đổi' : 'Xem lịch sử thay đổi'}
      </Button>
      {open && history.isPending && <Loading />}
      {open && history.error && <ErrorMessage error={history.error} />}
      {open && history.data && rows.length === 0 && (
        <Text size="xs" c="dimmed">
          Chưa có thay đổi.
        </Text>
      )}
      {open && rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table
            fz="xs"
            striped
            verticalSpacing={6}
            aria-label={`Lịch sử thay đổi tiêu chí ${code}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>Thời điểm</Table.Th>
                <Table.Th w={170}>Người thực hiện</Table.Th>
                <Table.Th>Nội dung</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.when}</Table.Td>
                  <Table.Td>
                    {row.actor}
                    {showIp && row.ip && (
                      <Text size="xs" c="dimmed">
                        Địa chỉ IP: {row.ip}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <Stack gap={2}>
                      <Text size="xs" fw={700}>
                        {row.actionLabel}
                      </Text>
                      {row.changes.length === 0 && (
                        <Text size="xs" c="dimmed">
                          Không thay đổi nội dung.
                        </Text>
                      )}
                      {row.changes.map((change, i) => (
                        <Change key={i} change={change} />
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
