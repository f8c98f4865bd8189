import { Badge, Table, Text } from '@mantine/core';
import type { WindowView } from '../api/types';
import { countdown, dateTime } from '../lib/format';
import { useNow } from './use-now';

/** The period's windows with their state and a countdown to the close of the open ones. */
export function WindowsTable({ windows }: { windows: WindowView[] }) {
  const now = useNow();
  return (
    <Table striped withTableBorder aria-label="Thời gian các bước">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Bước</Table.Th>
          <Table.Th>Bắt đầu</Table.Th>
          <Table.Th>Kết thúc</Table.Th>
          <Table.Th>Tình trạng</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {windows.map((w) => {
          const closes = w.extendedTo ?? w.closesAt;
          const state = w.open ? 'open' : w.opensAt && Date.parse(w.opensAt) > now ? 'later' : w.opensAt ? 'closed' : 'unset';
          return (
            <Table.Tr key={w.kind}>
              <Table.Td>{w.label}</Table.Td>
              <Table.Td>{dateTime(w.opensAt)}</Table.Td>
              <Table.Td>
                {dateTime(closes, true)}
                {w.extendedTo && (
                  <Text span size="xs" c="orange.8" ml={4}>
                    (gia hạn)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {state === 'open' && (
                  <Badge color="green" variant="light">
                    Đang mở — {countdown(closes, now)}
                  </Badge>
                )}
                {state === 'later' && <Badge variant="light" color="blue">Chưa mở — {countdown(w.opensAt, now).replace('còn', 'mở sau')}</Badge>}
                {state === 'closed' && (
                  <Badge color="gray" variant="light">
                    Đã đóng
                  </Badge>
                )}
                {state === 'unset' && (
                  <Badge color="gray" variant="outline">
                    Chưa thiết lập
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
