import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';

/** For someone who lost both phone and recovery codes: two-factor off, audited (0036). */
export function TurnOffTwoFactor({ user }: { user: User }) {
  const turnOff = useMutation({
    mutationFn: () => api('POST', `/users/${user.id}/totp/disable`),
    onSuccess: () => notifySaved(`Đã tắt xác thực hai bước của ${user.username}`),
  });
  return (
    <Stack gap={4} align="flex-start">
      <ErrorMessage error={turnOff.error} />
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => turnOff.mutate()}
        loading={turnOff.isPending}
      >
        Tắt xác thực hai bước (người dùng mất điện thoại và mã khôi phục)
      </Button>
    </Stack>
  );
}
