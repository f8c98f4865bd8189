import { Box, Text } from '@mantine/core';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  /** Shown instead of the label, e.g. the file already chosen. */
  text?: string;
}

/**
 * Drag files here, or click — or Tab to it and press Enter or Space — to open the chooser:
 * dropping is the quick way, the keyboard way must exist too.
 */
export function DropZone({ label, accept, multiple = false, onFiles, text }: Props) {
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  };
  return (
    <Box
      role="button"
      tabIndex={0}
      aria-label={label}
      p="md"
      onClick={() => input.current?.click()}
      onKeyDown={onKeyDown}
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
        background: dragging ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Text size="sm">{text ?? label}</Text>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        aria-label={label}
        // The box opens the chooser; the input's own click must not bubble back to it.
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
      />
    </Box>
  );
}
