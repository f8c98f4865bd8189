import { DropZone } from './drop-zone';

/** One spreadsheet to import, dropped or chosen. */
export function FilePicker({
  file,
  onFile,
  accept = '.xlsx,.csv',
  label,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  accept?: string;
  label: string;
}) {
  return (
    <DropZone
      label={label}
      accept={accept}
      onFiles={(files) => onFile(files[0] ?? null)}
      text={file ? `Đã chọn: ${file.name}` : label}
    />
  );
}
