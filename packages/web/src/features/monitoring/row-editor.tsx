import {
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Snapshot, UpdateSnapshotRowBody } from '../../api/types';
import { notifyError, notifySaved } from '../../components/feedback';
import { exactInput, points } from '../../lib/format';
import { monitoringKeys } from './api';

type Node = Snapshot['nodes'][number];

/** Sets one leaf's expected points, the reason for a loss and the office in charge. */
export function RowEditor({
  snapshot,
  node,
  onClose,
}: {
  snapshot: Snapshot;
  node: Node;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [applicable, setApplicable] = useState(node.applicable);
  const [expected, setExpected] = useState(exactInput(node.expectedPoints));
  const [reason, setReason] = useState<string | null>(node.reason);
  const [reasonText, setReasonText] = useState(node.reasonText ?? '');
  const [officeId, setOfficeId] = useState<string | null>(node.officeId);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const body: UpdateSnapshotRowBody = {
        expectedPoints: applicable ? expected.trim() : null,
        reason: (reason as UpdateSnapshotRowBody['reason']) ?? null,
        reasonText: reasonText.trim() || null,
        officeId,
        version: snapshot.version,
      };
      const view = await api<Snapshot>(
        'PUT',
        `/units/${snapshot.unit.id}/monitoring/${snapshot.id}/rows/${node.code}`,
        body,
      );
      queryClient.setQueryData(monitoringKeys.snapshot(snapshot.unit.id, snapshot.id), view);
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.list(snapshot.unit.id) });
      notifySaved(`Đã lưu tiêu chí ${node.code}`);
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Tiêu chí ${node.code}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {node.title} (tối đa {points(node.maxPoints)} điểm)
        </Text>
        <Switch
          label="Tiêu chí áp dụng cho đơn vị"
          checked={applicable}
          onChange={(event) => setApplicable(event.currentTarget.checked)}
        />
        {applicable && (
          <TextInput
            label="Điểm dự kiến đạt"
            description="Ví dụ 0,5"
            value={expected}
            onChange={(event) => setExpected(event.currentTarget.value)}
            w={200}
          />
        )}
        <Select
          label="Lý do dự kiến mất điểm"
          placeholder="Chọn lý do"
          clearable
          data={snapshot.reasons.map((r) => ({ value: r.key, label: r.label }))}
          value={reason}
          onChange={setReason}
        />
        <Textarea
          label="Ghi rõ"
          autosize
          minRows={2}
          value={reasonText}
          onChange={(event) => setReasonText(event.currentTarget.value)}
        />
        <Select
          label="Phòng, ban chịu trách nhiệm"
          placeholder={snapshot.offices.length === 0 ? 'Đơn vị chưa khai báo phòng, ban' : 'Chọn'}
          clearable
          data={snapshot.offices
            .filter((o) => o.active || o.id === node.officeId)
            .map((o) => ({ value: o.id, label: o.name }))}
          value={officeId}
          onChange={setOfficeId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
