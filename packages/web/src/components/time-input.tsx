import { TextInput } from '@mantine/core';
import { parseVietnamTime } from '@chiso/core/time/vietnam-time.js';

/**
 * A time written as Vietnamese plans write it, "10/01/2023 24:00" (Vietnam time). Checked as
 * it is typed; the server reads the same text the same way.
 */
export function TimeInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const invalid = value.trim() !== '' && parseVietnamTime(value) === undefined;
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy hh:mm"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={invalid ? 'Viết dạng dd/mm/yyyy hh:mm, ví dụ 10/01/2025 24:00' : undefined}
    />
  );
}
