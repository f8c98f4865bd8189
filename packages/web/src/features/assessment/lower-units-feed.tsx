import { Alert, Table, Text } from '@mantine/core';
import type { EntryView } from '../../api/types';
import { percent, points } from '../../lib/format';

type Feed = NonNullable<EntryView['lowerUnitsFeed']>;

/**
 * A leaf scored from the lower units' published results (decision 0025): where they come
 * from, which units and figures made the points, or what the leaf still waits for. Nobody
 * enters anything here; an appraiser may only comment.
 */
export function LowerUnitsFeed({ feed, leafPoints }: { feed: Feed; leafPoints?: number | null }) {
  if (!feed.published) {
    return (
      <Alert color="gray" title="Điểm theo kết quả của đơn vị cấp dưới">
        {feed.source}. Tiêu chí chưa có điểm; điểm được tính tự động khi kết quả được công bố.
      </Alert>
    );
  }
  return (
    <Alert color="grape" title="Điểm theo kết quả của đơn vị cấp dưới">
      <Text size="sm">{feed.source}. Đơn vị không tự chấm tiêu chí này.</Text>
      {feed.changedNote && (
        <Text size="sm" fw={600} c="orange.8">
          {feed.changedNote}
        </Text>
      )}
      <Table mt="xs" striped withTableBorder aria-label="Kết quả của các đơn vị cấp dưới">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right">Chỉ số</Table.Th>
            <Table.Th>Nhóm xếp loại</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {feed.units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td ta="right">{percent(Number(u.indexPercent))}</Table.Td>
              <Table.Td>{u.band ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {leafPoints !== undefined && leafPoints !== null && (
        <Text size="sm" fw={600} mt="xs">
          Điểm của tiêu chí: {points(leafPoints)}
        </Text>
      )}
    </Alert>
  );
}
