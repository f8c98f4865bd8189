import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '@chiso/core/access/policy.js';
import { PARTICIPATION_STATUSES } from '@chiso/core/periods/workflow.js';
import { Link, Navigate } from 'react-router';
import { usePeriod, usePeriods } from '../../api/hooks';
import type { PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { WindowsTable } from '../../components/windows-table';
import { StateText } from '../../components/state-text';
import { UnitHome } from './unit-home';

export default function HomePage() {
  const { user } = useSession();
  const periods = usePeriods(user !== undefined && user !== null && user.role !== 'viewer');
  if (user === undefined) return <Loading />;
  if (user === null || user.role === 'viewer') return <PublicHome signedIn={user !== null} />;
  // An office's staff work on their office's tasks: that is their home.
  if (user.role === 'officeStaff') return <Navigate to="/nhiem-vu" replace />;
  if (periods.isPending) return <Loading />;
  if (periods.error) return <ErrorMessage error={periods.error} />;
  const open = periods.data.filter((p) => p.status !== 'published');
  return (
    <Stack>
      <Title order={2}>Xin chào, {user.fullName}</Title>
      <Text c="dimmed">{ROLE_LABELS[user.role]}</Text>
      {open.length === 0 && <Text>Hiện không có kỳ đánh giá nào đang diễn ra.</Text>}
      {open.map((period) =>
        user.role === 'unitOfficer' || user.role === 'unitHead' ? (
          <UnitHome
            key={period.id}
            period={period}
            unitId={user.unitId ?? ''}
            head={user.role === 'unitHead'}
          />
        ) : (
          <PeriodOverview key={period.id} period={period} appraiser={user.role === 'appraiser'} />
        ),
      )}
      <Anchor component={Link} to="/ket-qua">
        Kết quả các kỳ đã công bố
      </Anchor>
    </Stack>
  );
}

/** What the public (and a signed-in viewer, who needs no sign-in button) sees first. */
function PublicHome({ signedIn }: { signedIn: boolean }) {
  return (
    <Stack maw={720}>
      <Title order={2}>Chỉ số Cải cách hành chính</Title>
      <Text>
        Kết quả xác định Chỉ số CCHC của các sở, ban, ngành và UBND cấp xã được công bố tại đây sau
        khi Hội đồng thông qua.
      </Text>
      <Group>
        <Button component={Link} to="/ket-qua">
          Xem kết quả đã công bố
        </Button>
        {!signedIn && (
          <Button component={Link} to="/dang-nhap" variant="default">
            Đăng nhập
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** An open period for the secretariat, appraisers and the council: units by state. */
function PeriodOverview({ period, appraiser }: { period: PeriodSummary; appraiser: boolean }) {
  const detail = usePeriod(period.id);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  const counts = PARTICIPATION_STATUSES.map((status) => ({
    status,
    label: detail.data.units.find((u) => u.status === status)?.statusLabel ?? status,
    count: detail.data.units.filter((u) => u.status === status).length,
  }));
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{period.name}</Title>
          <StateText color="blue.8">{period.statusLabel}</StateText>
        </Group>
        <WindowsTable windows={detail.data.windows} />
        <Group>
          {counts
            .filter((c) => c.count > 0)
            .map((c) => (
              <Text key={c.status} size="sm">
                {c.label}: <b>{c.count}</b>
              </Text>
            ))}
        </Group>
        {appraiser && detail.data.units.length === 0 && (
          <Text size="sm" c="dimmed">
            Chưa được phân công thẩm định đơn vị nào trong kỳ này.
          </Text>
        )}
        {appraiser && detail.data.units.length > 0 && (
          <Stack gap={4}>
            <Text fw={600}>Đơn vị được phân công thẩm định</Text>
            {detail.data.units.map((u) => (
              <Group key={u.unitId} justify="space-between">
                <Anchor component={Link} to={`/ky-danh-gia/${period.id}/tham-dinh/${u.unitId}`}>
                  {u.name}
                </Anchor>
                <StateText color={u.status === 'finalised' ? 'green.8' : 'blue.8'}>
                  {u.statusLabel}
                </StateText>
              </Group>
            ))}
          </Stack>
        )}
        <Group>
          <Button
            component={Link}
            to={`/ky-danh-gia/${period.id}`}
            variant={appraiser ? 'default' : 'filled'}
          >
            Mở kỳ đánh giá
          </Button>
          <Button component={Link} to={`/ket-qua/${period.id}`} variant="default">
            Xem trước kết quả
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
