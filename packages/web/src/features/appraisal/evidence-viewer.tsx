import { Anchor, Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceFile } from '../../api/types';

/** PDF and images shown in place; other documents offered for download. */
export function EvidenceViewer({
  linked,
  library,
}: {
  linked: { evidenceId: string; pageRef: string | null }[];
  library: EvidenceFile[];
}) {
  const files = linked.flatMap((l) => {
    const file = library.find((f) => f.id === l.evidenceId);
    return file ? [{ ...file, pageRef: l.pageRef }] : [];
  });
  const [shown, setShown] = useState<string | undefined>(files[0]?.id);
  const current = files.find((f) => f.id === shown) ?? files[0];
  if (!current)
    return (
      <Text size="sm" c="dimmed">
        Đơn vị chưa gắn tài liệu kiểm chứng cho tiêu chí này.
      </Text>
    );
  const url = `/api/evidence/${current.id}`;
  // "tr. 5", "trang 5": open the PDF where the proof is (the browser's viewer reads #page=).
  const page = /(?:tr\.?|trang)\s*(\d+)/i.exec(current.pageRef ?? '')?.[1];
  return (
    <Stack gap="xs">
      {files.length > 1 && (
        <SegmentedControl
          size="xs"
          value={current.id}
          onChange={setShown}
          data={files.map((f) => ({
            value: f.id,
            label: f.fileName.length > 30 ? `${f.fileName.slice(0, 28)}…` : f.fileName,
          }))}
        />
      )}
      <Text size="sm">
        <Anchor href={url} target="_blank" rel="noreferrer">
          {current.fileName}
        </Anchor>
        {current.pageRef && ` — ${current.pageRef}`}
      </Text>
      <Box
        h={480}
        style={{
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 4,
          overflow: 'hidden',
        }}
      >
        {current.mediaType === 'application/pdf' && (
          <iframe
            title={`Tài liệu ${current.fileName}`}
            src={page ? `${url}#page=${page}` : url}
            style={{ width: '100%', height: '100%', border: 0 }}
          />
        )}
        {current.mediaType.startsWith('image/') && (
          <img
            src={url}
            alt={`Tài liệu ${current.fileName}`}
            style={{ maxWidth: '100%', maxHeight: '100%', display: 'block', margin: '0 auto' }}
          />
        )}
        {current.mediaType !== 'application/pdf' && !current.mediaType.startsWith('image/') && (
          <Text p="md" size="sm">
            Tài liệu Word/Excel: bấm vào tên tệp để tải về và mở.
          </Text>
        )}
      </Box>
    </Stack>
  );
}
