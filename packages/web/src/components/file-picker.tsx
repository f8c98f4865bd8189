import { Box, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';

/** A drop zone that also opens the file chooser; for spreadsheets to import. */
export function FilePicker({ file, onFile, accept = '.xlsx,.csv', label }: { file: File | null; onFile: (file: File | null) => void; accept?: string; label: string }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onFile(event.dataTransfer.files[0] ?? null);
  };
  return (
    <Box
      component="label"
      p="md"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{
        display: 'block',
        border: `2px dashed ${dragging ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'}`,
        borderRadius: 8,
        textAlign: 'center',
        cursor: 'pointer',
      }}
    >
      <Text size="sm">{file ? `Đã chọn: ${file.name}` : label}</Text>
      <input type="file" accept={accept} hidden aria-label={label} onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)} />
    </Box>
  );
}
