import type { OfferedEvidence } from '@chiso/contract';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { date, fileSize } from '../../lib/format';

/**
 * Files of the unit's finished tasks serving the leaf (decision 0020): each with its task, the
 * assigning document and when it was done, and a button that links the very file to the leaf
 * as evidence — nothing is uploaded again. Only while the unit may edit the leaf.
 */
export function TaskEvidence({
  base,
  code,
  unitId,
  offered,
  canEdit,
  onChanged,
}: {
  base: string;
  code: string;
  unitId: string;
  offered: OfferedEvidence[];
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  if (offered.length === 0) return null;
  const use = async (offer: OfferedEvidence) => {
    setBusy(offer.evidence.id);
    try {
      await api('PUT', `${base}/entries/${code}/evidence`, { evidenceId: offer.evidence.id });
      await onChanged();
      notifySaved(`Đã dùng "${offer.evidence.fileName}" làm tài liệu kiểm chứng`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Alert color="teal" title="Tài liệu từ nhiệm vụ đã hoàn thành phục vụ tiêu chí này">
      <Text size="sm">
        Có thể dùng ngay làm tài liệu kiểm chứng, không cần tải lên lại.
        {!canEdit && ' Hiện đơn vị không thể gắn thêm tài liệu vào tiêu chí này.'}
      </Text>
      <Table mt="xs" fz="sm" aria-label={`Tài liệu từ nhiệm vụ của tiêu chí ${code}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nhiệm vụ</Table.Th>
            <Table.Th>Văn bản giao</Table.Th>
            <Table.Th>Hoàn thành</Table.Th>
            <Table.Th>Tệp</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offered.map((offer) => {
            const [task] = offer.tasks;
            return (
              <Table.Tr key={offer.evidence.id}>
                <Table.Td>
                  <Stack gap={2}>
                    {offer.tasks.map((t) => (
                      <Anchor key={t.id} component={Link} to={`/nhiem-vu/${unitId}/${t.id}`}>
                        {t.title}
                      </Anchor>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>{offer.tasks.map((t) => t.documentText ?? '—').join('; ')}</Table.Td>
                <Table.Td>
                  {task && (
                    <>
                      {date(task.completedAt)}
                      <Text size="xs" c="dimmed">
                        {task.statusLabel}
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  {task && (
                    <Anchor
                      href={`/api/units/${unitId}/tasks/${task.id}/evidence/${offer.evidence.id}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {offer.evidence.fileName}
                    </Anchor>
                  )}
                  <Text size="xs" c="dimmed">
                    {fileSize(offer.evidence.sizeBytes)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end" wrap="nowrap">
                    {offer.attached ? (
                      <Badge color="green" variant="light">
                        Đã gắn vào tiêu chí
                      </Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        disabled={!canEdit}
                        loading={busy === offer.evidence.id}
                        onClick={() => void use(offer)}
                      >
                        Dùng làm minh chứng
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
