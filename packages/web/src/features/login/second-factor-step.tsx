import { Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/feedback';

/** The sign-in's second step: the six-digit code of the app, or one recovery code (0036). */
export function SecondFactorStep({ onDone }: { onDone: () => Promise<void> | void }) {
  const { verifySecondFactor, signOut } = useSession();
  const [byRecovery, setByRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await verifySecondFactor(byRecovery ? { recoveryCode: value } : { code: value });
      await onDone();
    } catch (failure) {
      setError(failure);
      setValue('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            <div>
              <Title order={1} size="h2" c="red.8">
                chiso
              </Title>
              <Text c="dimmed" size="sm">
                Xác thực hai bước
              </Text>
            </div>
            <ErrorMessage error={error} title="Chưa xác thực được" />
            <TextInput
              label={byRecovery ? 'Mã khôi phục' : 'Mã xác thực (6 chữ số)'}
              description={
                byRecovery
                  ? 'Một trong 10 mã khôi phục đã lưu khi bật xác thực hai bước; mỗi mã dùng một lần.'
                  : 'Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và nhập mã đang hiện.'
              }
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              required
              autoFocus
              autoComplete="one-time-code"
              inputMode={byRecovery ? 'text' : 'numeric'}
            />
            <Button type="submit" loading={busy}>
              Xác nhận
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => setByRecovery(!byRecovery)}
            >
              {byRecovery ? 'Dùng mã trên ứng dụng' : 'Không có điện thoại? Dùng mã khôi phục'}
            </Anchor>
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="dimmed"
              onClick={() => void signOut()}
            >
              Đăng nhập bằng tài khoản khác
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
