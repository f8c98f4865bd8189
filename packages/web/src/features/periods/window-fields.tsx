import { Group, Stack } from '@mantine/core';
import { WINDOW_KINDS, WINDOW_LABELS, type WindowKind } from '@chiso/core/periods/windows.js';
import { TimeInput } from '../../components/time-input';

export type WindowTexts = Record<WindowKind, { opensAt: string; closesAt: string }>;

export const emptyWindows = (): WindowTexts =>
  Object.fromEntries(WINDOW_KINDS.map((k) => [k, { opensAt: '', closesAt: '' }])) as WindowTexts;

/** The windows that have both ends typed, as the API takes them. */
export const filledWindows = (windows: WindowTexts) =>
  Object.fromEntries(
    Object.entries(windows).filter(([, w]) => w.opensAt.trim() && w.closesAt.trim()),
  );

/** Start and end of each step of a period, in Vietnam time, as plans write them. */
export function WindowFields({
  value,
  onChange,
}: {
  value: WindowTexts;
  onChange: (update: (windows: WindowTexts) => WindowTexts) => void;
}) {
  const set = (kind: WindowKind, end: 'opensAt' | 'closesAt', text: string) =>
    onChange((w) => ({ ...w, [kind]: { ...w[kind], [end]: text } }));
  return (
    <Stack gap="xs">
      {WINDOW_KINDS.map((kind) => (
        <Group key={kind} grow align="flex-start">
          <TimeInput
            label={`${WINDOW_LABELS[kind]} — bắt đầu`}
            value={value[kind].opensAt}
            onChange={(v) => set(kind, 'opensAt', v)}
          />
          <TimeInput
            label={`${WINDOW_LABELS[kind]} — kết thúc`}
            value={value[kind].closesAt}
            onChange={(v) => set(kind, 'closesAt', v)}
          />
        </Group>
      ))}
    </Stack>
  );
}
