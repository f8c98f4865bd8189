import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';

interface Props extends ButtonProps {
  /** The question asked before acting, e.g. "Mở khảo sát cho người trả lời?". */
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
}

/** A button that asks first: changes that reach respondents or stop them need a second look. */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
  ...button
}: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)}>
            Không
          </Button>
          <Button
            color={button.color}
            onClick={() => {
              setOpened(false);
              onConfirm();
            }}
            data-autofocus
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
