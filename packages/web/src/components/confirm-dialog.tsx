import { Button, Group, List, Modal, Stack, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The question, e.g. "Gửi kết quả tự đánh giá?". */
  title: string;
  /** What will happen, one short sentence each. */
  effects: ReactNode[];
  /** What cannot be undone afterwards, shown in bold; omit for a step that can be reversed. */
  irreversible?: ReactNode;
  /** Repeats the action ("Gửi kết quả tự đánh giá"), never a bare "Đồng ý". */
  confirmLabel: string;
  onConfirm: () => void;
  color?: MantineColor;
  /** The action is running: the confirm button waits, Hủy stays usable. */
  loading?: boolean;
  /** Anything more (an error from the server, a note) under the list. */
  children?: ReactNode;
}

/**
 * Asks before a step that cannot be taken back (a submission, closing a round, an approval, a
 * publication): what will happen, what cannot be undone, and a confirm button that names the
 * action. Focus starts on "Hủy", so an Enter pressed out of habit cancels instead of confirming;
 * Escape and a click outside cancel too.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  effects,
  irreversible,
  confirmLabel,
  onConfirm,
  color,
  loading = false,
  children,
}: ConfirmDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      styles={{ title: { fontWeight: 700 } }}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Đóng' }}
    >
      <Stack gap="sm">
        <Text size="sm">Khi xác nhận:</Text>
        <List size="sm" spacing={4}>
          {effects.map((effect, index) => (
            // The effects are a fixed list for one dialog: their order is their identity.
            <List.Item key={index}>{effect}</List.Item>
          ))}
        </List>
        {irreversible && (
          <Text size="sm" fw={700} c="red.9">
            {irreversible}
          </Text>
        )}
        {children}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} data-autofocus>
            Hủy
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
