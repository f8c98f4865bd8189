import { Alert, Button, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { PASSWORD_RULES, passwordProblems } from '@chiso/core/access/passwords.js';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, notifySaved } from '../../components/feedback';

/** "Đổi mật khẩu": the current password, the new one twice, the policy shown before typing. */
export default function ChangePasswordPage() {
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  // The same policy as the server's (the core's), checked as the person types.
  const problems = next === '' ? [] : passwordProblems(next, user);
  const mismatch = again !== '' && again !== next;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0 || again !== next) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/auth/password', { currentPassword: current, newPassword: next });
      notifySaved('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.');
      await refresh();
      await navigate('/');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={560}>
      <Title order={2}>Đổi mật khẩu</Title>
      {user.mustChangePassword && (
        <Alert color="orange" title="Cần đổi mật khẩu trước khi làm việc">
          Mật khẩu hiện tại do quản trị viên đặt cho bạn. Hãy chọn mật khẩu của riêng bạn; sau đó
          mọi chức năng sẽ mở lại.
        </Alert>
      )}
      <Paper withBorder p="md">
        <Text fw={600} size="sm" mb={4}>
          Mật khẩu mới cần:
        </Text>
        <List size="sm" spacing={2}>
          {PASSWORD_RULES.map((rule) => (
            <List.Item key={rule}>{rule}</List.Item>
          ))}
        </List>
      </Paper>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <ErrorMessage error={error} title="Chưa đổi được mật khẩu" />
          <PasswordInput
            label="Mật khẩu hiện tại"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
            autoComplete="current-password"
          />
          <PasswordInput
            label="Mật khẩu mới"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={problems.length > 0 ? problems.map((p) => capitalised(p)).join('. ') : undefined}
            description={
              next !== '' && problems.length === 0 ? 'Mật khẩu mới đạt yêu cầu.' : undefined
            }
          />
          <PasswordInput
            label="Nhập lại mật khẩu mới"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={mismatch ? 'Hai lần nhập mật khẩu mới không giống nhau' : undefined}
          />
          <Button
            type="submit"
            loading={busy}
            disabled={problems.length > 0 || mismatch}
            style={{ alignSelf: 'flex-start' }}
          >
            Đổi mật khẩu
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
