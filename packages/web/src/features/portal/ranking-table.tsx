import { Anchor, Box, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { percent, points } from '../../lib/format';
import { portalLinks, type PublicRankingRow } from './api';
import { RankChange } from './rank-change';

/**
 * A block's ranking. On a wide screen every column; on a phone three (rank; unit with points
 * and change; index with band and head rating), the layout of the results page (0009), so
 * nothing needs a sideways scroll.
 */
export function RankingTable({
  periodId,
  label,
  rows,
}: {
  periodId: string;
  label: string;
  rows: PublicRankingRow[];
}) {
  const link = (row: PublicRankingRow) => (
    <Anchor component={Link} to={portalLinks.unit(periodId, row.unitId)} size="sm" fw={600}>
      {row.name}
    </Anchor>
  );
  return (
    <>
      <Box hiddenFrom="sm">
        <Table
          striped
          aria-label={`Xếp hạng ${label}`}
          verticalSpacing={6}
          horizontalSpacing={6}
          layout="fixed"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>Hạng</Table.Th>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th w="38%">Chỉ số, xếp loại</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.unitId}>
                <Table.Td fw={700} style={{ verticalAlign: 'top' }}>
                  {row.rank ?? '—'}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {link(row)}
                  <Text size="xs" c="dimmed">
                    {points(row.points)}/{points(row.maxPoints)} điểm
                  </Text>
                  <RankChange change={row.rankChange} size="xs" />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={700}>
                    {percent(row.percent)}
                  </Text>
                  {row.band && <Text size="xs">{row.band}</Text>}
                  {row.headRating && (
                    <Text size="xs" fw={600}>
                      Người đứng đầu: {row.headRating}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table striped highlightOnHover aria-label={`Xếp hạng ${label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Hạng</Table.Th>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th ta="right">Điểm</Table.Th>
              <Table.Th ta="right">Chỉ số</Table.Th>
              <Table.Th>Xếp loại</Table.Th>
              <Table.Th>Người đứng đầu</Table.Th>
              <Table.Th>So với năm trước</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.unitId}>
                <Table.Td fw={700}>{row.rank ?? '—'}</Table.Td>
                <Table.Td>{link(row)}</Table.Td>
                <Table.Td ta="right">
                  {points(row.points)}/{points(row.maxPoints)}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {percent(row.percent)}
                </Table.Td>
                <Table.Td>{row.band ?? '—'}</Table.Td>
                <Table.Td>{row.headRating ?? '—'}</Table.Td>
                <Table.Td>
                  <RankChange change={row.rankChange} />
                  {row.previousRank !== null && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      (năm trước hạng {row.previousRank})
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
