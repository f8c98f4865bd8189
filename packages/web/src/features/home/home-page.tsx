import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { ROLE_LABELS } from '@chiso/core/access/policy.js';
import { PARTICIPATION_STATUSES } from '@chiso/core/periods/workflow.js';
import { Link } from 'react-router';
import { useAssessment, usePeriod, usePeriods } from '../../api/hooks';
import type { PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { WindowsTable } from '../../components/windows-table';
import { percent, points } from '../../lib/format';

export default function HomePage() {
  const { user } = useSession();
  const periods = usePeriods(user !== undefined && user !== null && user.role !== 'viewer');
  if (user === undefined) return <Loading />;
  if (user === null || user.role === 'viewer') return <PublicHome signedIn={user !== null} />;
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
          <UnitHome key={period.id} period={period} unitId={user.unitId ?? ''} />
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

/** A unit's period: deadlines, progress by area, points so far, and the way in. */
function UnitHome({ period, unitId }: { period: PeriodSummary; unitId: string }) {
  const assessment = useAssessment(period.id, unitId);
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorMessage error={assessment.error} title={period.name} />;
  const a = assessment.data;
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={3}>{period.name}</Title>
            <Text c="dimmed">{a.unit.name}</Text>
          </div>
          <Badge size="lg" variant="light">
            {a.participation.statusLabel}
          </Badge>
        </Group>
        <WindowsTable windows={a.windows} />
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              Điểm tự chấm
            </Text>
            <Text size="xl" fw={700}>
              {points(a.self.points)}/{points(a.self.maxPoints)} ({percent(a.self.percent)})
            </Text>
          </div>
          {a.appraised && (
            <div>
              <Text size="sm" c="dimmed">
                Điểm thẩm định
              </Text>
              <Text size="xl" fw={700}>
                {points(a.appraised.points)}/{points(a.appraised.maxPoints)} (
                {percent(a.appraised.percent)})
              </Text>
            </div>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {a.progress.map((area) => (
            <div key={area.code}>
              <Text size="sm" lineClamp={1} title={area.title}>
                {area.code}. {area.title}
              </Text>
              <Progress
                value={area.leaves === 0 ? 0 : (100 * area.filled) / area.leaves}
                aria-label={`Lĩnh vực ${area.code}: đã chấm ${area.filled}/${area.leaves}`}
              />
              <Text size="xs" c="dimmed">
                Đã chấm {area.filled}/{area.leaves} tiêu chí
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Group>
          <Button component={Link} to={`/ky-danh-gia/${period.id}/don-vi/${unitId}`}>
            {a.participation.status === 'draft'
              ? 'Tự đánh giá'
              : a.participation.status === 'appraised'
                ? 'Xem thẩm định và giải trình'
                : 'Xem hồ sơ'}
          </Button>
        </Group>
      </Stack>
    </Card>
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
          <Badge variant="light">{period.statusLabel}</Badge>
        </Group>
        <WindowsTable windows={detail.data.windows} />
        <Group>
          {counts
            .filter((c) => c.count > 0)
            .map((c) => (
              <Badge key={c.status} variant="outline" size="lg">
                {c.label}: {c.count}
              </Badge>
            ))}
        </Group>
        {appraiser && (
          <Stack gap={4}>
            <Text fw={600}>Đơn vị được phân công thẩm định</Text>
            {detail.data.units.map((u) => (
              <Group key={u.unitId} justify="space-between">
                <Anchor component={Link} to={`/ky-danh-gia/${period.id}/tham-dinh/${u.unitId}`}>
                  {u.name}
                </Anchor>
                <Badge variant="light">{u.statusLabel}</Badge>
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
