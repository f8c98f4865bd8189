import { Box, Table, Text } from '@mantine/core';
import type { WindowKind } from '@chiso/core/periods/windows.js';
import type { WindowView } from '../api/types';
import { countdown, dateTime } from '../lib/format';
import { StateText } from './state-text';
import { useNow } from './use-now';

type Left = Partial<Record<WindowKind, string>>;

/**
 * The period's windows with their state and a countdown to the close of the open ones. On a
 * unit's pages, `left` names the steps the unit has already left ("Đơn vị đã gửi ngày …"):
 * those are never shown as open to it, even while the window is open for others. On a phone
 * the dates go under the step, so that the state stays on screen.
 */
export function WindowsTable({ windows, left = {} }: { windows: WindowView[]; left?: Left }) {
  const now = useNow();
  return (
    <>
      <Table striped withTableBorder aria-label="Thời gian các bước" visibleFrom="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bước</Table.Th>
            <Table.Th>Bắt đầu</Table.Th>
            <Table.Th>Kết thúc</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {windows.map((w) => (
            <Table.Tr key={w.kind}>
              <Table.Td>{w.label}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(w.opensAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Closes window={w} />
              </Table.Td>
              <Table.Td>
                <WindowState window={w} left={left} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Box hiddenFrom="sm">
        <Table striped withTableBorder aria-label="Thời gian các bước">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Bước</Table.Th>
              <Table.Th w="45%">Tình trạng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {windows.map((w) => (
              <Table.Tr key={w.kind}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">{w.label}</Text>
                  <Text size="xs" c="dimmed">
                    {w.opensAt ? (
                      <>
                        {dateTime(w.opensAt)} – <Closes window={w} />
                      </>
                    ) : (
                      'chưa có thời gian'
                    )}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <WindowState window={w} left={left} now={now} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </>
  );
}

function Closes({ window: w }: { window: WindowView }) {
  return (
    <>
      {dateTime(w.extendedTo ?? w.closesAt, true)}
      {w.extendedTo && (
        <Text span size="xs" c="orange.8" ml={4}>
          (gia hạn)
        </Text>
      )}
    </>
  );
}

function WindowState({ window: w, left, now }: { window: WindowView; left: Left; now: number }) {
  const note = left[w.kind];
  if (note !== undefined) return <StateText color="gray.7">{note}</StateText>;
  const closes = w.extendedTo ?? w.closesAt;
  if (w.open) return <StateText color="green.8">Đang mở — {countdown(closes, now)}</StateText>;
  if (w.opensAt && Date.parse(w.opensAt) > now) {
    return (
      <StateText color="blue.8">
        Chưa mở — {countdown(w.opensAt, now).replace('còn', 'mở sau')}
      </StateText>
    );
  }
  if (w.opensAt) return <StateText color="gray.7">Đã đóng</StateText>;
  return <StateText color="gray.6">Chưa thiết lập</StateText>;
}
