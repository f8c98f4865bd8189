import { Button, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';

interface Props extends ButtonProps {
  /** The question asked before acting, e.g. "Mở khảo sát cho người trả lời?". */
  title: string;
  message: ReactNode;
  /** What cannot be undone, if anything. */
  irreversible?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
}

/** A button that asks first: changes that reach respondents or stop them need a second look. */
export function ConfirmButton({
  title,
  message,
  irreversible,
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
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        effects={[message]}
        irreversible={irreversible}
        confirmLabel={confirmLabel}
        color={button.color}
        onConfirm={() => {
          setOpened(false);
          onConfirm();
        }}
      />
    </>
  );
}
