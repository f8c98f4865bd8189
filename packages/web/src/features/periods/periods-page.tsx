import { Anchor, Stack, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePeriods } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { StateText } from '../../components/state-text';
import { date } from '../../lib/format';
import { NewPeriod } from './new-period';

export default function PeriodsPage() {
  const { user } = useSession();
  const periods = usePeriods();
  if (periods.isPending) return <Loading />;
  if (periods.error) return <ErrorMessage error={periods.error} />;
  // The province sees the districts' own periods beside its own: say who runs each.
  const severalOwners = new Set(periods.data.map((p) => p.ownerUnitId)).size > 1;
  return (
    <Stack>
      <Title order={2}>Kỳ đánh giá</Title>
      <Table striped withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kỳ đánh giá</Table.Th>
            <Table.Th>Năm</Table.Th>
            {severalOwners && <Table.Th>Cơ quan chủ trì</Table.Th>}
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th>Quyết định của Hội đồng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/ky-danh-gia/${p.id}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.year}</Table.Td>
              {severalOwners && <Table.Td>{p.ownerUnitName ?? 'Cấp tỉnh (Sở Nội vụ)'}</Table.Td>}
              <Table.Td>
                <StateText color={p.status === 'published' ? 'green.8' : 'blue.8'}>
                  {p.statusLabel}
                </StateText>
              </Table.Td>
              <Table.Td>
                {p.councilDecisionNumber
                  ? `${p.councilDecisionNumber} ngày ${date(p.councilDecisionDate)}`
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {user?.role === 'administrator' && <NewPeriod existing={periods.data} />}
    </Stack>
  );
}
