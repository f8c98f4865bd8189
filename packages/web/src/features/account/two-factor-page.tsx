import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { OkResponse, TotpEnabled, TotpSetup, TotpStatus } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { date } from '../../lib/format';
import { QrCode } from '../surveys/qr-code';

const STATUS_KEY = ['auth', 'totp'];

/** "Xác thực hai bước": enrol with a QR code, keep the recovery codes, or turn it off (0036). */
export default function TwoFactorPage() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => api<TotpStatus>('GET', '/auth/totp'),
  });
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const reload = () => client.invalidateQueries({ queryKey: STATUS_KEY });

  const start = useMutation({
    mutationFn: () => api<TotpSetup>('POST', '/auth/totp/setup'),
    onSuccess: (answer) => setSetup(answer),
  });
  const enable = useMutation({
    mutationFn: () => api<TotpEnabled>('POST', '/auth/totp/enable', { code }),
    onSuccess: async (answer) => {
      setCodes(answer.recoveryCodes);
      setSetup(null);
      setCode('');
      notifySaved('Đã bật xác thực hai bước');
      await reload();
    },
  });
  const disable = useMutation({
    mutationFn: () => api<OkResponse>('POST', '/auth/totp/disable', { code }),
    onSuccess: async () => {
      setCode('');
      notifySaved('Đã tắt xác thực hai bước');
      await reload();
    },
  });

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorMessage error={status.error} />;
  const state = status.data;

  return (
    <Stack maw={720}>
      <Group>
        <Title order={2}>Xác thực hai bước</Title>
        <Badge color={state.enabled ? 'green' : 'gray'}>
          {state.enabled ? 'Đang bật' : 'Chưa bật'}
        </Badge>
      </Group>
      <Text size="sm">
        Khi bật, mỗi lần đăng nhập cần thêm mã 6 chữ số do ứng dụng xác thực trên điện thoại tạo ra
        (đổi sau mỗi 30 giây): người biết mật khẩu của bạn vẫn không đăng nhập được.
      </Text>
      {!state.offered && (
        <Alert color="gray">
          Xác thực hai bước dành cho quản trị viên, thành viên Tổ thẩm định và thành viên Hội đồng.
        </Alert>
      )}
      {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
      {state.offered && !state.enabled && !setup && (
        <Stack gap="xs" align="flex-start">
          <ErrorMessage error={start.error} />
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Bắt đầu cài đặt
          </Button>
        </Stack>
      )}
      {setup && (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Stack gap="xs" align="center">
              <QrCode
                value={setup.otpauthUri}
                size={208}
                label="Mã QR cài xác thực hai bước cho ứng dụng xác thực"
              />
              <Text size="xs" c="dimmed" ta="center">
                Không quét được? Nhập khóa này vào ứng dụng:
              </Text>
              <Code fz="xs" style={{ whiteSpace: 'nowrap' }}>
                {setup.secret.match(/.{1,4}/g)?.join(' ')}
              </Code>
            </Stack>
            <Stack gap="sm">
              <List type="ordered" size="sm" spacing={4}>
                <List.Item>
                  Mở ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…).
                </List.Item>
                <List.Item>Chọn thêm tài khoản, quét mã QR bên cạnh.</List.Item>
                <List.Item>Nhập mã 6 chữ số ứng dụng hiện ra để xác nhận.</List.Item>
              </List>
              <ErrorMessage error={enable.error} title="Chưa bật được" />
              <TextInput
                label="Mã xác thực (6 chữ số)"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
              />
              <Group>
                <Button onClick={() => enable.mutate()} loading={enable.isPending}>
                  Bật xác thực hai bước
                </Button>
                <Button variant="default" onClick={() => setSetup(null)}>
                  Hủy
                </Button>
              </Group>
            </Stack>
          </SimpleGrid>
        </Paper>
      )}
      {state.enabled && (
        <Paper withBorder p="md">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Bật từ ngày {date(state.enabledAt)}; còn {state.recoveryCodesLeft} mã khôi phục chưa
              dùng.
            </Text>
            <ErrorMessage error={disable.error} title="Chưa tắt được" />
            <TextInput
              label="Mã xác thực hiện tại để tắt"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
            />
            <Button
              color="red"
              variant="light"
              onClick={() => disable.mutate()}
              loading={disable.isPending}
            >
              Tắt xác thực hai bước
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** The ten recovery codes, shown this once: the server keeps only their SHA-256. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Alert color="green" title="Lưu 10 mã khôi phục này ngay bây giờ">
      <Stack gap="xs">
        <Text size="sm">
          Mỗi mã dùng được một lần để đăng nhập khi không có điện thoại. Mã chỉ hiện lần này: hãy in
          ra hoặc chép vào nơi an toàn.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing={4}>
          {codes.map((c) => (
            <Code key={c} fz="sm">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Button size="xs" variant="default" onClick={onDone} style={{ alignSelf: 'flex-start' }}>
          Tôi đã lưu các mã
        </Button>
      </Stack>
    </Alert>
  );
}
