import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
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
          const state = w.open
            ? 'open'
            : w.opensAt && Date.parse(w.opensAt) > now
              ? 'later'
              : w.opensAt
                ? 'closed'
                : 'unset';
          return (
            <Table.Tr key={w.kind}>
              <Table.Td>{w.label}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(w.opensAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {dateTime(closes, true)}
                {w.extendedTo && (
                  <Text span size="xs" c="orange.8" ml={4}>
                    (gia hạn)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {state === 'open' && (
                  <State color="green.8">Đang mở — {countdown(closes, now)}</State>
                )}
                {state === 'later' && (
                  <State color="blue.8">
                    Chưa mở — {countdown(w.opensAt, now).replace('còn', 'mở sau')}
                  </State>
                )}
                {state === 'closed' && <State color="gray.7">Đã đóng</State>}
                {state === 'unset' && <State color="gray.6">Chưa thiết lập</State>}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** A state in words that may wrap on a narrow screen (a badge would cut the countdown off). */
function State({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Text size="sm" fw={600} c={color}>
      {children}
    </Text>
  );
}
