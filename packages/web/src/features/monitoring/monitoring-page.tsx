import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Snapshot } from '../../api/types';
import { useSession } from '../../app/session';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { date, percent, points } from '../../lib/format';
import { monitoringKeys, useSnapshots } from './api';
import { MonitoringOverviewTable } from './overview-table';

/**
 * Mid-year self-monitoring: a unit's snapshots and a new one; the province (administrator,
 * council) sees every unit's latest instead.
 */
export default function MonitoringPage() {
  const { user } = useSession();
  if (!user) return null;
  if (user.role === 'administrator' || user.role === 'councilMember') {
    return <MonitoringOverviewTable />;
  }
  if (!user.unitId) return <Text>Tài khoản chưa gắn với đơn vị nào.</Text>;
  return <UnitSnapshots unitId={user.unitId} canEdit={user.role !== 'officeStaff'} />;
}

function UnitSnapshots({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const list = useSnapshots(unitId);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const { unit, snapshots } = list.data;
  return (
    <Stack>
      <Title order={2}>Tự theo dõi, đánh giá giữa kỳ — {unit.name}</Title>
      <Text c="dimmed" size="sm">
        Mỗi bản theo dõi ghi, tại một ngày, điểm đơn vị dự kiến đạt ở từng tiêu chí, lý do dự kiến
        mất điểm và phòng, ban chịu trách nhiệm. Bản mới được điền sẵn từ số liệu tự đánh giá hiện
        có và kết quả năm trước.
      </Text>
      {canEdit && <NewSnapshot unitId={unitId} />}
      <Card withBorder>
        {snapshots.length === 0 ? (
          <Text c="dimmed">Đơn vị chưa có bản theo dõi nào.</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Bản theo dõi</Table.Th>
                  <Table.Th>Đến ngày</Table.Th>
                  <Table.Th ta="right">Điểm dự kiến</Table.Th>
                  <Table.Th ta="right">Chỉ số dự kiến</Table.Th>
                  <Table.Th ta="right">Điểm có thể mất</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {snapshots.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Link to={`/theo-doi/${unitId}/${s.id}`}>{s.title}</Link>
                    </Table.Td>
                    <Table.Td>{date(s.asOf)}</Table.Td>
                    <Table.Td ta="right">
                      {points(s.expectedPoints)}/{points(s.maxPoints)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s.expectedIndex === null ? '—' : percent(Number(s.expectedIndex))}
                    </Table.Td>
                    <Table.Td ta="right">{points(s.atRisk)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

function NewSnapshot({ unitId }: { unitId: string }) {
  const [title, setTitle] = useState('9 tháng đầu năm');
  const [asOf, setAsOf] = useState('');
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const iso = isoDate(asOf);
  const create = async () => {
    if (!iso) return;
    setBusy(true);
    try {
      const created = await api<Snapshot>('POST', `/units/${unitId}/monitoring`, {
        title: title.trim(),
        asOf: iso,
      });
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.list(unitId) });
      notifySaved(`Đã lập bản theo dõi "${created.title}"`);
      void navigate(`/theo-doi/${unitId}/${created.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Lập bản theo dõi mới
        </Title>
        <Group align="flex-end">
          <TextInput
            label="Tên bản theo dõi"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            w={260}
          />
          <DateInput label="Đến ngày" value={asOf} onChange={setAsOf} width={160} />
          <Button onClick={() => void create()} loading={busy} disabled={!iso || !title.trim()}>
            Lập bản theo dõi
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
