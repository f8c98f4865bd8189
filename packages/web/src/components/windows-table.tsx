import { Table, Text } from '@mantine/core';
import type { WindowKind } from '@chiso/core/periods/windows.js';
import type { WindowView } from '../api/types';
import { countdown, dateTime } from '../lib/format';
import { StateText } from './state-text';
import { useNow } from './use-now';

/**
 * The period's windows with their state and a countdown to the close of the open ones. On a
 * unit's pages, `left` names the steps the unit has already left ("Đơn vị đã gửi ngày …"):
 * those are never shown as open to it, even while the window is open for others.
 */
export function WindowsTable({
  windows,
  left = {},
}: {
  windows: WindowView[];
  left?: Partial<Record<WindowKind, string>>;
}) {
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
                {left[w.kind] !== undefined && <StateText color="gray.7">{left[w.kind]}</StateText>}
                {left[w.kind] === undefined && state === 'open' && (
                  <StateText color="green.8">Đang mở — {countdown(closes, now)}</StateText>
                )}
                {left[w.kind] === undefined && state === 'later' && (
                  <StateText color="blue.8">
                    Chưa mở — {countdown(w.opensAt, now).replace('còn', 'mở sau')}
                  </StateText>
                )}
                {left[w.kind] === undefined && state === 'closed' && (
                  <StateText color="gray.7">Đã đóng</StateText>
                )}
                {left[w.kind] === undefined && state === 'unset' && (
                  <StateText color="gray.6">Chưa thiết lập</StateText>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
