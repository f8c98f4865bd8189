import {
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { WINDOW_KINDS, WINDOW_LABELS } from '@chiso/core/periods/windows.js';
import { formatVietnamTime } from '@chiso/core/time/vietnam-time.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { keys, usePeriod, useUsers } from '../../api/hooks';
import type { PeriodDetail, PeriodUnit } from '../../api/types';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { DateInput, isoDate } from '../../components/date-input';
import { TimeInput } from '../../components/time-input';
import { WindowsTable } from '../../components/windows-table';
import { date, dateTime } from '../../lib/format';
import { Publish, PublicOpening, unitsByType } from './publish-step';
import { filledWindows, WindowFields, type WindowTexts } from './window-fields';

// Only an administrator of a published period needs it, with the rule engine it brings.
const ErrataPanel = lazy(() => import('../errata/errata-panel'));

export default function PeriodPage() {
  const { periodId = '' } = useParams();
  const { user } = useSession();
  const period = usePeriod(periodId);
  if (period.isPending) return <Loading />;
  if (period.error) return <ErrorMessage error={period.error} />;
  const p = period.data;
  const admin = user?.role === 'administrator';
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{p.name}</Title>
          <Text c="dimmed">
            {p.statusLabel}
            {p.councilDecisionNumber &&
              ` — Quyết định ${p.councilDecisionNumber} ngày ${date(p.councilDecisionDate)}`}
          </Text>
        </div>
        <Group>
          {admin && (
            <Button component={Link} to={`/ky-danh-gia/${p.id}/thong-ke-tthc`} variant="default">
              Số liệu thủ tục hành chính
            </Button>
          )}
          <Button component={Link} to={`/ket-qua/${p.id}`} variant="default">
            {p.status === 'published' ? 'Kết quả' : 'Xem trước kết quả'}
          </Button>
          <Button component="a" href={`/api/periods/${p.id}/results.xlsx`} variant="default">
            Tải Excel
          </Button>
        </Group>
      </Group>
      <WindowsTable windows={p.windows} />
      {admin && p.status !== 'published' && <EditWindows period={p} />}
      <UnitsTable period={p} />
      {(admin || user?.role === 'councilMember') && p.status === 'open' && <Approve period={p} />}
      {admin && p.status === 'approved' && <Publish period={p} />}
      {p.status === 'published' && <PublicOpening period={p} admin={admin} />}
      {admin && p.status === 'published' && (
        <Suspense fallback={<Loading />}>
          <ErrataPanel period={p} />
        </Suspense>
      )}
    </Stack>
  );
}

const asText = (iso: string | null, asEnd = false) =>
  iso ? formatVietnamTime(Date.parse(iso), asEnd) : '';

function EditWindows({ period }: { period: PeriodDetail }) {
  const [opened, setOpened] = useState(false);
  const client = useQueryClient();
  const [values, setValues] = useState(
    () =>
      Object.fromEntries(
        WINDOW_KINDS.map((kind) => {
          const w = period.windows.find((x) => x.kind === kind);
          return [
            kind,
            { opensAt: asText(w?.opensAt ?? null), closesAt: asText(w?.closesAt ?? null, true) },
          ];
        }),
      ) as WindowTexts,
  );
  const save = useMutation({
    mutationFn: () => api('PUT', `/periods/${period.id}/windows`, filledWindows(values)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      notifySaved('Đã lưu thời gian các bước');
    },
  });
  // Changing a running period's calendar is rare: the form stays folded until asked for.
  if (!opened) {
    return (
      <Group>
        <Button variant="default" onClick={() => setOpened(true)}>
          Điều chỉnh thời gian các bước
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Điều chỉnh thời gian (giờ Việt Nam)</Title>
        <WindowFields value={values} onChange={setValues} />
        <ErrorMessage error={save.error} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Lưu thời gian
          </Button>
          <Button variant="default" onClick={() => setOpened(false)}>
            Đóng
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function UnitsTable({ period }: { period: PeriodDetail }) {
  const { user } = useSession();
  const admin = user?.role === 'administrator';
  const users = useUsers(admin);
  const appraisers = admin
    ? (users.data ?? []).filter((u) => u.role === 'appraiser' && u.active !== false)
    : [];
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Đơn vị tham gia ({period.units.length})
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table striped aria-label="Đơn vị tham gia">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              {admin && <Table.Th>Thành viên Tổ thẩm định</Table.Th>}
              <Table.Th>Hồ sơ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {period.units.map((u) => (
              <UnitRow
                key={u.unitId}
                period={period}
                unit={u}
                appraisers={appraisers.map((a) => ({ value: a.id, label: a.fullName }))}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* Extensions and assignments belong to a period still being assessed. */}
      {admin && period.status === 'open' && <Extend period={period} />}
    </Card>
  );
}

function UnitRow({
  period,
  unit,
  appraisers,
}: {
  period: PeriodDetail;
  unit: PeriodUnit;
  appraisers: { value: string; label: string }[];
}) {
  const { user } = useSession();
  const client = useQueryClient();
  const assign = useMutation({
    mutationFn: (ids: string[]) =>
      api('PUT', `/periods/${period.id}/units/${unit.unitId}/appraisers`, { appraiserIds: ids }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      notifySaved(`Đã phân công thẩm định ${unit.name}`);
    },
    onError: notifyError,
  });
  const canAppraise =
    user?.role === 'appraiser' || user?.role === 'administrator' || user?.role === 'councilMember';
  return (
    <Table.Tr>
      <Table.Td>
        {unit.name}
        {unit.extensions.map((e) => (
          <Text key={e.kind} size="xs" c="orange.8">
            Gia hạn {WINDOW_LABELS[e.kind].toLowerCase()} đến {dateTime(e.closesAt, true)}:{' '}
            {e.reason}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>{unit.type ? unitTypeLabel(unit.type) : ''}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={unit.status === 'finalised' ? 'green.8' : 'blue.8'}>
          {unit.statusLabel}
        </Text>
      </Table.Td>
      {unit.appraisers && (
        <Table.Td miw={220}>
          {period.status === 'open' ? (
            <MultiSelect
              aria-label={`Thành viên thẩm định ${unit.name}`}
              data={appraisers}
              value={unit.appraisers.map((a) => a.id)}
              onChange={(ids) => assign.mutate(ids)}
              placeholder="Chưa phân công"
              size="xs"
            />
          ) : (
            <Text size="sm">{unit.appraisers.map((a) => a.fullName).join(', ') || '—'}</Text>
          )}
        </Table.Td>
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/ky-danh-gia/${period.id}/don-vi/${unit.unitId}`} size="sm">
            Tự đánh giá
          </Anchor>
          {canAppraise && (
            <Anchor
              component={Link}
              to={`/ky-danh-gia/${period.id}/tham-dinh/${unit.unitId}`}
              size="sm"
            >
              Thẩm định
            </Anchor>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Gives one unit more time in one window, with a reason. */
function Extend({ period }: { period: PeriodDetail }) {
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>('selfAssessment');
  const [closesAt, setClosesAt] = useState('');
  const [reason, setReason] = useState('');
  const extend = useMutation({
    mutationFn: () =>
      api('POST', `/periods/${period.id}/extensions`, { unitId, kind, closesAt, reason }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      notifySaved('Đã gia hạn');
      setReason('');
    },
  });
  return (
    <Stack mt="md" gap="xs">
      <Text fw={600}>Gia hạn cho một đơn vị</Text>
      <Group grow align="flex-start">
        <Select
          label="Đơn vị"
          data={period.units.map((u) => ({ value: u.unitId, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
        />
        <Select
          label="Bước"
          data={WINDOW_KINDS.map((k) => ({ value: k, label: WINDOW_LABELS[k] }))}
          value={kind}
          onChange={setKind}
        />
        <TimeInput label="Gia hạn đến" value={closesAt} onChange={setClosesAt} />
      </Group>
      <TextInput label="Lý do" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <ErrorMessage error={extend.error} />
      <Group>
        <Button
          variant="default"
          onClick={() => extend.mutate()}
          loading={extend.isPending}
          disabled={!unitId || !reason.trim()}
        >
          Gia hạn
        </Button>
      </Group>
    </Stack>
  );
}

function Approve({ period }: { period: PeriodDetail }) {
  const client = useQueryClient();
  const [number, setNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const approve = useMutation({
    mutationFn: () =>
      api('POST', `/periods/${period.id}/approve`, {
        decisionNumber: number,
        decisionDate: isoDate(decisionDate),
      }),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      await client.invalidateQueries({ queryKey: keys.periods });
      notifySaved('Hội đồng đã thông qua kết quả');
    },
    onError: () => setConfirming(false),
  });
  const pending = period.units.filter((u) => u.status !== 'finalised');
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Hội đồng thông qua kết quả</Title>
        {pending.length > 0 && (
          <Text c="orange.8">
            Còn {pending.length} đơn vị chưa chốt kết quả thẩm định:{' '}
            {pending.map((u) => u.name).join(', ')}. Hội đồng thông qua được khi mọi đơn vị đã chốt.
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Số quyết định"
            placeholder="27/QĐ-HĐ"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
          />
          <DateInput label="Ngày quyết định" value={decisionDate} onChange={setDecisionDate} />
        </Group>
        <ErrorMessage error={approve.error} />
        <Group>
          <Button
            onClick={() => setConfirming(true)}
            disabled={pending.length > 0 || !number.trim() || isoDate(decisionDate) === undefined}
          >
            Thông qua kết quả
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={`Thông qua kết quả ${period.name}?`}
          effects={[
            <>
              Hội đồng thông qua kết quả của <b>{unitsByType(period)}</b> theo Quyết định số{' '}
              <b>{number.trim()}</b> ngày <b>{decisionDate}</b>.
            </>,
            'Điểm thẩm định, giải trình và số liệu khảo sát được giữ nguyên như hiện tại; các phiếu khảo sát của kỳ ngừng nhận trả lời.',
            'Quản trị viên công bố kết quả trong thời gian công bố; khi đó kết quả được công khai cho mọi người.',
          ]}
          irreversible="Sau khi thông qua, không sửa được điểm, giải trình hay số liệu khảo sát của kỳ này và không hủy được việc thông qua."
          confirmLabel="Thông qua kết quả"
          onConfirm={() => approve.mutate()}
          loading={approve.isPending}
        />
      </Stack>
    </Card>
  );
}
