import {
  ActionIcon,
  Anchor,
  Box,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { api, upload } from '../../api/client';
import type { EvidenceFile, UploadedEvidence } from '../../api/types';
import { DropZone } from '../../components/drop-zone';
import { notifyError, notifySaved } from '../../components/feedback';
import { fileSize } from '../../lib/format';

interface Props {
  base: string;
  code: string;
  linked: { evidenceId: string; pageRef: string | null }[];
  library: EvidenceFile[];
  /** Task files linked to the period's leaves: named here, never offered for reuse elsewhere. */
  taskFiles: EvidenceFile[];
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';

/**
 * The leaf's evidence: files linked with the page or section that proves the point, drag and
 * drop (or choose) to upload with a progress bar, or reuse a file the unit already uploaded.
 */
export function EvidencePanel({
  base,
  code,
  linked,
  library,
  taskFiles,
  canEdit,
  onChanged,
}: Props) {
  const [progress, setProgress] = useState<number | null>(null);
  const byId = new Map([...library, ...taskFiles].map((f) => [f.id, f]));

  const link = async (evidenceId: string, pageRef: string | null, remove = false) => {
    try {
      await api('PUT', `${base}/entries/${code}/evidence`, { evidenceId, pageRef, remove });
      await onChanged();
    } catch (error) {
      notifyError(error);
    }
  };

  const send = async (files: File[]) => {
    if (!canEdit) return;
    for (const file of files) {
      setProgress(0);
      try {
        const result = await upload<UploadedEvidence>(`${base}/evidence`, file, setProgress);
        await link(result.evidence.id, null);
        notifySaved(
          result.duplicate
            ? `Tệp "${file.name}" đã có; đã gắn vào tiêu chí`
            : `Đã tải lên "${file.name}"`,
        );
      } catch (error) {
        notifyError(error);
      } finally {
        setProgress(null);
      }
    }
  };

  const reusable = library.filter((f) => !linked.some((l) => l.evidenceId === f.id));

  return (
    <Stack gap="xs">
      <Text fw={600}>Tài liệu kiểm chứng</Text>
      {linked.length === 0 && (
        <Text size="sm" c="dimmed">
          Chưa gắn tài liệu nào.
        </Text>
      )}
      {linked.map((l) => {
        const file = byId.get(l.evidenceId);
        return (
          <Group key={l.evidenceId} gap="xs" wrap="nowrap" align="flex-end">
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Anchor
                href={`/api/evidence/${l.evidenceId}`}
                target="_blank"
                rel="noreferrer"
                size="sm"
                lineClamp={1}
              >
                {file?.fileName ?? 'Tài liệu'}
              </Anchor>
              {file && (
                <Text size="xs" c="dimmed">
                  {fileSize(file.sizeBytes)} — SHA-256 {file.sha256.slice(0, 12)}…
                </Text>
              )}
            </Box>
            <TextInput
              aria-label={`Trang hoặc mục trong ${file?.fileName ?? 'tài liệu'}`}
              placeholder="trang, mục (vd: tr. 3, mục II)"
              defaultValue={l.pageRef ?? ''}
              size="xs"
              w={200}
              disabled={!canEdit}
              onBlur={(e) => {
                if (e.currentTarget.value !== (l.pageRef ?? ''))
                  void link(l.evidenceId, e.currentTarget.value);
              }}
            />
            {canEdit && (
              <Tooltip label="Gỡ khỏi tiêu chí">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Gỡ ${file?.fileName ?? 'tài liệu'}`}
                  onClick={() => void link(l.evidenceId, null, true)}
                >
                  ×
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        );
      })}
      {canEdit && (
        <>
          <DropZone
            label="Kéo thả tệp vào đây, hoặc bấm để chọn (PDF, Word, Excel, ảnh)"
            accept={ACCEPT}
            multiple
            onFiles={(files) => void send(files)}
          />
          {progress !== null && (
            <Progress value={progress * 100} animated aria-label="Tiến độ tải lên" />
          )}
          {reusable.length > 0 && (
            <Select
              aria-label="Dùng lại tệp đã tải lên"
              placeholder="Dùng lại tệp đã tải lên của đơn vị…"
              data={reusable.map((f) => ({ value: f.id, label: f.fileName }))}
              value={null}
              onChange={(id) => {
                if (id) void link(id, null);
              }}
              searchable
              size="sm"
            />
          )}
        </>
      )}
    </Stack>
  );
}
