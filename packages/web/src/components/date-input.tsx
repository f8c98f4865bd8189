import { TextInput } from '@mantine/core';
import { parseDate } from '@chiso/core/time/calendar-date.js';

/** "dd/mm/yyyy" as a string to send, or undefined while the text is not a real date. */
export const isoDate = (text: string): string | undefined => parseDate(text);

/** A date typed as documents write it, "03/02/2026", checked as it is typed. */
export function DateInput({
  label,
  value,
  onChange,
  error,
  width,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A problem the caller found (the server's, a rule's); the date's own check comes first. */
  error?: string | undefined;
  width?: number;
}) {
  const invalid = value.trim() !== '' && parseDate(value) === undefined;
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={invalid ? 'Viết dạng dd/mm/yyyy, ví dụ 03/02/2026' : error}
      w={width}
    />
  );
}
