import type { OfferedEvidence } from '@chiso/contract';
import { Alert, Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
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
      <Stack mt="xs" gap="xs" aria-label={`Tài liệu từ nhiệm vụ của tiêu chí ${code}`}>
        {offered.map((offer) => {
          const [first] = offer.tasks;
          return (
            <Group key={offer.evidence.id} justify="space-between" wrap="nowrap" align="center">
              <Box style={{ minWidth: 0 }}>
                {first && (
                  <Anchor
                    href={`/api/units/${unitId}/tasks/${first.id}/evidence/${offer.evidence.id}`}
                    target="_blank"
                    rel="noreferrer"
                    size="sm"
                    fw={600}
                  >
                    {offer.evidence.fileName}
                  </Anchor>
                )}{' '}
                <Text span size="xs" c="dimmed">
                  ({fileSize(offer.evidence.sizeBytes)})
                </Text>
                {offer.tasks.map((task) => (
                  <Text key={task.id} size="xs">
                    Nhiệm vụ{' '}
                    <Anchor component={Link} to={`/nhiem-vu/${unitId}/${task.id}`} size="xs">
                      {task.title}
                    </Anchor>
                    {task.documentText ? ` — giao tại văn bản số ${task.documentText}` : ''} —{' '}
                    {task.statusLabel.toLowerCase()} ngày {date(task.completedAt)}
                  </Text>
                ))}
              </Box>
              {offer.attached ? (
                <Text size="sm" c="green.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  ✓ Đã gắn vào tiêu chí
                </Text>
              ) : (
                <Button
                  size="compact-sm"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  disabled={!canEdit}
                  loading={busy === offer.evidence.id}
                  onClick={() => void use(offer)}
                >
                  Dùng làm minh chứng
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
