import {
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/feedback';
import { oidcRefusalMessage } from './oidc-refusals';
import { OidcSignIn } from './oidc-sign-in';
import { SecondFactorStep } from './second-factor-step';

export default function LoginPage() {
  const { signIn, pendingSecondFactor } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('tiep');
  const afterSignIn = () => navigate(next?.startsWith('/') ? next : '/');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // null: the account asks for its two-factor code next (the step below).
      if (await signIn(username, password)) await afterSignIn();
    } catch (failure) {
      // What the person typed stays; only the error is shown.
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (pendingSecondFactor) return <SecondFactorStep onDone={afterSignIn} />;

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
                Chỉ số Cải cách hành chính — đăng nhập
              </Text>
            </div>
            <ErrorMessage error={error} title="Đăng nhập không thành công" />
            {!error && (
              <ErrorMessage
                error={oidcRefusalMessage(params)}
                title="Đăng nhập qua hệ thống định danh không thành công"
              />
            )}
            <TextInput
              label="Tên đăng nhập"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              autoComplete="username"
              autoFocus
            />
            <PasswordInput
              label="Mật khẩu"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              autoComplete="current-password"
            />
            <Button type="submit" loading={busy}>
              Đăng nhập
            </Button>
            <OidcSignIn next={params.get('tiep')} />
            <Anchor component={Link} to="/cong-khai" size="sm">
              Kết quả Chỉ số CCHC đã công bố (không cần đăng nhập)
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
