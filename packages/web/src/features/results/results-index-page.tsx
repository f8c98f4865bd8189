import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { usePeriods } from '../../api/hooks';
import type { PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { date } from '../../lib/format';

export default function ResultsIndexPage() {
  const { user } = useSession();
  const published = useQuery({
    queryKey: ['published-periods'],
    queryFn: () => api<PeriodSummary[]>('GET', '/published-periods'),
  });
  const staff = user !== undefined && user !== null && user.role !== 'viewer';
  const all = usePeriods(staff);
  const previewable = staff ? (all.data ?? []).filter((p) => p.status !== 'published') : [];
  if (published.isPending) return <Loading />;
  if (published.error) return <ErrorMessage error={published.error} />;
  return (
    <Stack>
      <Title order={2}>Kết quả Chỉ số Cải cách hành chính</Title>
      {published.data.length === 0 && <Text>Chưa có kỳ đánh giá nào được công bố.</Text>}
      <Table striped withTableBorder>
        <Table.Tbody>
          {published.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/ket-qua/${p.id}`} fw={600}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.councilDecisionNumber
                  ? `Quyết định ${p.councilDecisionNumber} ngày ${date(p.councilDecisionDate)}`
                  : ''}
              </Table.Td>
              <Table.Td>Công bố ngày {date(p.publishedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {previewable.length > 0 && (
        <>
          <Title order={3}>Xem trước (chưa công bố)</Title>
          {previewable.map((p) => (
            <Anchor key={p.id} component={Link} to={`/ket-qua/${p.id}`}>
              {p.name} — {p.statusLabel}
            </Anchor>
          ))}
        </>
      )}
    </Stack>
  );
}
