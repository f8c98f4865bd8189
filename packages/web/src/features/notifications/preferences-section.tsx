import { Alert, Button, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, usePreferences } from '../../api/hooks';
import type { Preferences } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';

type Choice = Pick<Preferences['kinds'][number], 'kind' | 'inApp' | 'email'>;

/** Per kind of notification: in the app, by e-mail (offered only when the server can send it). */
export function PreferencesSection() {
  const preferences = usePreferences();
  if (preferences.isPending) return <Loading />;
  if (preferences.error) return <ErrorMessage error={preferences.error} />;
  return <PreferencesForm preferences={preferences.data} />;
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const client = useQueryClient();
  const [choices, setChoices] = useState<Choice[]>(
    preferences.kinds.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
  );
  const change = (kind: Choice['kind'], field: 'inApp' | 'email', value: boolean) =>
    setChoices((all) => all.map((c) => (c.kind === kind ? { ...c, [field]: value } : c)));
  const save = useMutation({
    mutationFn: () => api<Preferences>('PUT', '/notifications/preferences', { kinds: choices }),
    onSuccess: async (saved) => {
      client.setQueryData(keys.preferences, saved);
      notifySaved('Đã lưu cách nhận thông báo');
    },
  });
  const emailOff = !preferences.emailAvailable;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Cách nhận thông báo</Title>
        {emailOff ? (
          <Alert color="gray" title="Chưa gửi được thư điện tử">
            Máy chủ chưa được cấu hình máy chủ thư (SMTP), nên thông báo chỉ hiện trong ứng dụng.
            Khi quản trị hệ thống cấu hình thư điện tử, bạn có thể chọn nhận thêm qua thư.
          </Alert>
        ) : preferences.email ? (
          <Text size="sm">
            Thư điện tử gửi tới <b>{preferences.email}</b>. Đổi địa chỉ: liên hệ quản trị hệ thống.
          </Text>
        ) : (
          <Alert color="yellow" title="Tài khoản chưa có địa chỉ thư điện tử">
            Đề nghị quản trị hệ thống bổ sung địa chỉ thư điện tử cho tài khoản để nhận thông báo
            qua thư.
          </Alert>
        )}
        <Table aria-label="Cách nhận thông báo theo loại">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Loại thông báo</Table.Th>
              <Table.Th>Trong ứng dụng</Table.Th>
              <Table.Th>Thư điện tử</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preferences.kinds.map(({ kind, label }) => {
              const choice = choices.find((c) => c.kind === kind);
              return (
                <Table.Tr key={kind}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${label}: trong ứng dụng`}
                      checked={choice?.inApp ?? true}
                      onChange={(e) => change(kind, 'inApp', e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${label}: thư điện tử`}
                      checked={!emailOff && (choice?.email ?? false)}
                      disabled={emailOff}
                      onChange={(e) => change(kind, 'email', e.currentTarget.checked)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <ErrorMessage error={save.error} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Lưu cách nhận thông báo
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
