import { Badge, Button, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { dateTime, percent, points } from '../../lib/format';
import { planKeys, useGeneratePlan, usePlansOverview, useUnitPlans } from './api';

export const statusColor = (status: string) => (status === 'approved' ? 'green' : 'yellow');

/**
 * "Kế hoạch cải thiện": a unit's published periods, each with its plan or the button to make
 * it; the province (administrator, council) sees every unit's plan for a period instead.
 */
export default function PlansPage() {
  const { user } = useSession();
  if (!user) return null;
  if (user.role === 'administrator' || user.role === 'councilMember') {
    return <PlansOverviewTable canGenerate={user.role === 'administrator'} />;
  }
  if (!user.unitId) return <Text>Tài khoản chưa gắn với đơn vị nào.</Text>;
  return <UnitPlansList unitId={user.unitId} canEdit={user.role !== 'officeStaff'} />;
}

function UnitPlansList({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const list = useUnitPlans(unitId);
  const { generate, busy } = useGeneratePlan(unitId);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const { unit, periods } = list.data;
  return (
    <Stack>
      <Title order={2}>Kế hoạch cải thiện — {unit.name}</Title>
      <Text c="dimmed" size="sm">
        Kế hoạch khắc phục, cải thiện lập từ kết quả Chỉ số CCHC đã công bố: mỗi lĩnh vực, tiêu chí
        có điểm tối đa, điểm đạt được, điểm bị mất, mục tiêu năm sau và điểm, thứ hạng đơn vị sẽ có
        nếu đạt mục tiêu.
      </Text>
      <Card withBorder>
        {periods.length === 0 ? (
          <Text c="dimmed">Chưa có kỳ đánh giá nào được công bố kết quả cho đơn vị.</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kết quả kỳ đánh giá</Table.Th>
                <Table.Th>Kế hoạch năm</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th>Cập nhật</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.map((period) => (
                <Table.Tr key={period.id}>
                  <Table.Td>{period.name}</Table.Td>
                  <Table.Td>{period.year + 1}</Table.Td>
                  <Table.Td>
                    {period.plan ? (
                      <Badge color={statusColor(period.plan.status)} variant="light">
                        {period.plan.statusLabel}
                        {period.plan.approvedVersion > 0 &&
                          ` · đã phê duyệt ${period.plan.approvedVersion} lần`}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Chưa lập
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{period.plan ? dateTime(period.plan.updatedAt) : '—'}</Table.Td>
                  <Table.Td ta="right">
                    {period.plan ? (
                      <Button
                        component={Link}
                        to={`/ke-hoach/${unitId}/${period.id}`}
                        size="xs"
                        variant="light"
                      >
                        Mở kế hoạch
                      </Button>
                    ) : (
                      canEdit && (
                        <Button
                          size="xs"
                          loading={busy === period.id}
                          onClick={() => void generate(period.id)}
                        >
                          Lập kế hoạch từ kết quả này
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function PlansOverviewTable({ canGenerate }: { canGenerate: boolean }) {
  const periods = useQuery({
    queryKey: ['published-periods'],
    queryFn: () => api<PeriodSummary[]>('GET', '/published-periods'),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const periodId = chosen ?? periods.data?.[0]?.id ?? null;
  const overview = usePlansOverview(periodId);
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (periods.isPending) return <Loading />;
  if (periods.error) return <ErrorMessage error={periods.error} />;
  const generate = async () => {
    if (!periodId) return;
    setBusy(true);
    try {
      const made = await api<{ created: number }>('POST', '/plans/generate', { periodId });
      await queryClient.invalidateQueries({ queryKey: planKeys.overview(periodId) });
      notifySaved(`Đã lập dự thảo kế hoạch cho ${made.created} đơn vị`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Title order={2}>Kế hoạch cải thiện của các đơn vị</Title>
      <Select
        label="Theo kết quả kỳ đánh giá"
        data={(periods.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={periodId}
        onChange={setChosen}
        w={360}
        allowDeselect={false}
      />
      {overview.error && <ErrorMessage error={overview.error} />}
      {overview.data && (
        <Card withBorder>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Loại</Table.Th>
                <Table.Th>Kế hoạch</Table.Th>
                <Table.Th ta="right">Tổng điểm mục tiêu</Table.Th>
                <Table.Th ta="right">Chỉ số mục tiêu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.data.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>
                    {u.plan ? (
                      <Link to={`/ke-hoach/${u.unitId}/${overview.data.period.id}`}>
                        {u.unitName}
                      </Link>
                    ) : (
                      u.unitName
                    )}
                  </Table.Td>
                  <Table.Td>{u.unitTypeLabel}</Table.Td>
                  <Table.Td>
                    {u.plan ? (
                      <Badge color={statusColor(u.plan.status)} variant="light">
                        {u.plan.statusLabel}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Chưa lập
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{u.plan ? points(u.plan.targetPoints) : '—'}</Table.Td>
                  <Table.Td ta="right">
                    {u.plan?.targetPercent ? percent(Number(u.plan.targetPercent)) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {canGenerate && periodId && (
        <Button variant="light" w="fit-content" loading={busy} onClick={() => void generate()}>
          Lập dự thảo kế hoạch cho các đơn vị chưa có
        </Button>
      )}
    </Stack>
  );
}
