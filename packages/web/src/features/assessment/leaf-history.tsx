import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useHistory } from '../../api/hooks';
import { ErrorMessage, Loading } from '../../components/feedback';
import { dateTime } from '../../lib/format';

const ACTIONS: Record<string, string> = {
  'entry.self.save': 'Đơn vị lưu tự đánh giá',
  'entry.appraise': 'Thẩm định',
  'entry.reappraise': 'Thẩm định lại sau giải trình',
  'entry.respond': 'Đơn vị giải trình',
  'evidence.link': 'Gắn tài liệu',
  'evidence.unlink': 'Gỡ tài liệu',
};

/** Who changed this leaf, when, from where, and what it became. */
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
  return (
    <div>
      <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Ẩn lịch sử thay đổi' : 'Xem lịch sử thay đổi'}
      </Button>
      {open && history.isPending && <Loading />}
      {open && history.error && <ErrorMessage error={history.error} />}
      {open && history.data && (
        <Table fz="xs" striped>
          <Table.Tbody>
            {history.data.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text size="xs">Chưa có thay đổi.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {history.data.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{dateTime(row.at)}</Table.Td>
                <Table.Td>{ACTIONS[row.action] ?? row.action}</Table.Td>
                <Table.Td>{row.actor}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{JSON.stringify(row.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
