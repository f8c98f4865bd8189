import type { PlanView } from '@chiso/contract';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { dateTime, percent, points, signedPercent } from '../../lib/format';
import { planKeys, planPath, usePlan, usePlanSaved } from './api';
import { PlanImportCard } from './plan-import';
import { PlanRows } from './plan-rows';
import { PlanText } from './plan-text';
import { formatRank } from '@chiso/core/format/format.js';
import { statusColor } from './plans-page';

/** A unit's improvement plan: figures, rows, text; approval by the head; exports and import. */
export default function PlanPage() {
  const { unitId = '', periodId = '' } = useParams();
  const { user } = useSession();
  const [approval, setApproval] = useState<number | undefined>(undefined);
  const [asking, setAsking] = useState<'approve' | 'reopen' | null>(null);
  const [busy, setBusy] = useState(false);
  const query = usePlan(unitId, periodId, approval);
  const saved = usePlanSaved(unitId, periodId);
  const queryClient = useQueryClient();
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const plan = query.data;
  const own = user?.unitId === unitId;
  const isHead = own && user?.role === 'unitHead';
  const viewingDraft = approval === undefined;
  const canEdit = own && viewingDraft && (user?.role === 'unitOfficer' || isHead);
  const draft = plan.status === 'draft';
  const act = async (verb: 'approve' | 'reopen') => {
    setBusy(true);
    try {
      const next = await api<PlanView>('POST', `${planPath(unitId, periodId)}/${verb}`, {
        version: plan.version,
      });
      saved(next);
      notifySaved(verb === 'approve' ? 'Đã phê duyệt kế hoạch' : 'Đã mở lại kế hoạch để sửa');
      setAsking(null);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const file = (format: 'xlsx' | 'docx') => `/api${planPath(unitId, periodId)}/plan.${format}`;
  return (
    <Stack>
      <Anchor component={Link} to="/ke-hoach" size="sm">
        ← Kế hoạch cải thiện
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            Kế hoạch cải thiện năm {plan.planYear} — {plan.unit.name}
          </Title>
          <Text c="dimmed" size="sm">
            Theo kết quả {plan.period.name} (công bố lần {plan.publicationVersion}) ·{' '}
            {plan.framework.name}
          </Text>
        </div>
        <Group>
          <Badge color={statusColor(plan.status)} size="lg" variant="light">
            {plan.approval
              ? `Bản phê duyệt lần ${plan.approval.number}, ${dateTime(plan.approval.approvedAt)}`
              : plan.statusLabel}
          </Badge>
          {plan.approvals.length > 0 && (
            <Select
              aria-label="Xem bản"
              size="xs"
              w={220}
              allowDeselect={false}
              value={approval === undefined ? 'draft' : String(approval)}
              onChange={(v) => setApproval(v === 'draft' || v === null ? undefined : Number(v))}
              data={[
                { value: 'draft', label: 'Bản hiện tại' },
                ...plan.approvals.map((a) => ({
                  value: String(a.number),
                  label: `Bản phê duyệt lần ${a.number}`,
                })),
              ]}
            />
          )}
        </Group>
      </Group>
      <Group>
        <Button component="a" href={file('xlsx')} variant="default" size="xs">
          Tải phụ lục (.xlsx)
        </Button>
        <Button component="a" href={file('docx')} variant="default" size="xs">
          Tải kế hoạch (.docx)
        </Button>
        {isHead && viewingDraft && draft && (
          <Button size="xs" color="green" onClick={() => setAsking('approve')}>
            Phê duyệt kế hoạch
          </Button>
        )}
        {isHead && viewingDraft && !draft && (
          <Button size="xs" variant="light" onClick={() => setAsking('reopen')}>
            Mở lại kế hoạch để sửa
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Stack gap={6}>
          <Text fw={600}>{plan.total.summary}.</Text>
          {plan.lastTargets && (
            <Text
              size="sm"
              c={plan.lastTargets.met < plan.lastTargets.compared ? 'orange.9' : 'green.9'}
            >
              <b>{plan.lastTargets.summary}</b> — so với kế hoạch năm {plan.period.year} lập từ kết
              quả {plan.lastTargets.period.name}
              {plan.lastTargets.approval === null
                ? ' (bản dự thảo, chưa phê duyệt)'
                : ` (bản phê duyệt lần ${plan.lastTargets.approval})`}
              .
            </Text>
          )}
          <Text size="sm">
            Nếu mọi lĩnh vực đạt mục tiêu: {points(plan.total.targetPoints)}/
            {points(plan.total.maxPoints)} điểm
            {plan.total.targetPercent ? ` (${percent(Number(plan.total.targetPercent))})` : ''}.
          </Text>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lĩnh vực</Table.Th>
                <Table.Th ta="right">Điểm đạt/tối đa</Table.Th>
                <Table.Th ta="right">Hạng</Table.Th>
                <Table.Th ta="right">So với năm trước</Table.Th>
                <Table.Th>Tóm tắt</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.areas.map((area) => (
                <Table.Tr key={area.code}>
                  <Table.Td>
                    {area.code}. {area.title}
                  </Table.Td>
                  <Table.Td ta="right">
                    {points(area.points)}/{points(area.maxPoints)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {area.rank === null ? '—' : formatRank(area.rank, area.groupSize)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {area.percentChange === null ? '—' : signedPercent(Number(area.percentChange))}
                  </Table.Td>
                  <Table.Td>{area.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>
      <PlanRows
        plan={plan}
        canEdit={canEdit}
        onSaved={saved}
        onTasks={() =>
          void queryClient.invalidateQueries({ queryKey: planKeys.plan(unitId, periodId) })
        }
      />
      <PlanText
        key={`${plan.version}-${approval ?? ''}`}
        plan={plan}
        canEdit={canEdit && draft}
        onSaved={saved}
      />
      {canEdit && draft && <PlanImportCard plan={plan} onSaved={saved} />}
      <ConfirmDialog
        opened={asking === 'approve'}
        onClose={() => setAsking(null)}
        title="Phê duyệt kế hoạch cải thiện?"
        effects={[
          `Kế hoạch năm ${plan.planYear} được lưu thành bản phê duyệt lần ${plan.approvals.length + 1}, đọc lại được nguyên như khi phê duyệt.`,
          'Sau khi phê duyệt, muốn sửa phải mở lại kế hoạch; bản đã phê duyệt vẫn được giữ.',
        ]}
        confirmLabel="Phê duyệt kế hoạch"
        color="green"
        loading={busy}
        onConfirm={() => void act('approve')}
      />
      <ConfirmDialog
        opened={asking === 'reopen'}
        onClose={() => setAsking(null)}
        title="Mở lại kế hoạch để sửa?"
        effects={[
          'Kế hoạch trở lại dự thảo để cán bộ sửa và trình phê duyệt lại.',
          'Các bản đã phê duyệt vẫn được giữ và xem lại được.',
        ]}
        confirmLabel="Mở lại kế hoạch"
        loading={busy}
        onConfirm={() => void act('reopen')}
      />
    </Stack>
  );
}
