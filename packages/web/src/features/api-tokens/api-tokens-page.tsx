import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { API_TOKEN_SCOPE_LABELS } from '@chiso/core/access/api-tokens.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiTokenList, ApiTokenView, IssuedApiToken } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { date, dateTime } from '../../lib/format';
import { PushExample } from './push-example';
import { IssueDialog, RotateDialog, SecretDialog, type IssueInput } from './token-dialogs';

const KEY = ['api-tokens'] as const;

const STATUS_COLORS: Record<ApiTokenView['status'], string> = {
  active: 'green',
  rotating: 'yellow',
  rotated: 'gray',
  expired: 'gray',
  revoked: 'red',
};

const usable = (token: ApiTokenView) => token.status === 'active' || token.status === 'rotating';

/**
 * "Kết nối hệ thống (API)": the secretariat's tokens for source systems (the provincial
 * one-stop system pushing procedure statistics): issue, the secret shown once, rotate, revoke.
 */
export default function ApiTokensPage() {
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: () => api<ApiTokenList>('GET', '/api-tokens'),
  });
  const [issuing, setIssuing] = useState(false);
  const [shown, setShown] = useState<IssuedApiToken>();
  const [rotating, setRotating] = useState<ApiTokenView>();
  const [revoking, setRevoking] = useState<ApiTokenView>();
  const refresh = () => client.invalidateQueries({ queryKey: KEY });

  const issue = useMutation({
    mutationFn: (input: IssueInput) => api<IssuedApiToken>('POST', '/api-tokens', input),
    onSuccess: async (issued) => {
      setIssuing(false);
      setShown(issued);
      await refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: ({ id, graceDays }: { id: string; graceDays: number }) =>
      api<IssuedApiToken>('POST', `/api-tokens/${id}/rotate`, { graceDays }),
    onSuccess: async (issued) => {
      setRotating(undefined);
      setShown(issued);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<{ token: ApiTokenView }>('POST', `/api-tokens/${id}/revoke`),
    onSuccess: async ({ token }) => {
      setRevoking(undefined);
      notifySaved(`Đã thu hồi mã ${token.prefix}`);
      await refresh();
    },
    onError: notifyError,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Kết nối hệ thống (API)</Title>
        <Button
          onClick={() => {
            issue.reset();
            setIssuing(true);
          }}
        >
          Cấp mã API
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Mỗi hệ thống nguồn (hệ thống một cửa của tỉnh…) dùng một mã API riêng để gửi số liệu thống
        kê TTHC vào các kỳ đánh giá thuộc phạm vi của cơ quan cấp mã. chiso chỉ lưu dấu vân tay
        (SHA-256) của mã; mọi lần cấp, đổi, thu hồi và gửi số liệu đều được ghi nhật ký.
      </Text>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.error ? (
        <ErrorMessage error={tokens.error} />
      ) : tokens.data.tokens.length === 0 ? (
        <Text c="dimmed">Chưa cấp mã API nào.</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped aria-label="Mã API">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tên</Table.Th>
                  <Table.Th>Tiền tố</Table.Th>
                  <Table.Th>Quyền</Table.Th>
                  <Table.Th>Cấp bởi/đơn vị</Table.Th>
                  <Table.Th>Lần dùng cuối</Table.Th>
                  <Table.Th>Hết hạn</Table.Th>
                  <Table.Th>Trạng thái</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.tokens.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {token.name}
                      </Text>
                      {token.rotatedFromPrefix && (
                        <Text size="xs" c="dimmed">
                          thay cho {token.rotatedFromPrefix}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{token.prefix}</Table.Td>
                    <Table.Td>
                      {token.scopes.map((scope) => (
                        <Text key={scope} size="sm">
                          {API_TOKEN_SCOPE_LABELS[scope]}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.createdByName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {token.ownerUnitName ?? 'Cơ quan thường trực cấp tỉnh'} ·{' '}
                        {date(token.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? dateTime(token.lastUsedAt) : 'Chưa dùng'}
                    </Table.Td>
                    <Table.Td>
                      {token.expiresAt ? dateTime(token.expiresAt, true) : 'Không'}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={STATUS_COLORS[token.status]}
                        variant="light"
                        styles={{
                          root: { overflow: 'visible', height: 'auto' },
                          label: { overflow: 'visible', whiteSpace: 'normal' },
                        }}
                      >
                        {token.statusLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {usable(token) && (
                        <Group gap="xs" wrap="nowrap">
                          {token.status === 'active' && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => {
                                rotate.reset();
                                setRotating(token);
                              }}
                            >
                              Đổi mã
                            </Button>
                          )}
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => setRevoking(token)}
                          >
                            Thu hồi
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <PushExample />
      <IssueDialog
        opened={issuing}
        onClose={() => setIssuing(false)}
        onIssue={(input) => issue.mutate(input)}
        loading={issue.isPending}
        error={issue.error}
      />
      <SecretDialog issued={shown} onClose={() => setShown(undefined)} />
      <RotateDialog
        key={rotating?.id ?? 'none'}
        token={rotating}
        onClose={() => setRotating(undefined)}
        onRotate={(graceDays) => rotating && rotate.mutate({ id: rotating.id, graceDays })}
        loading={rotate.isPending}
        error={rotate.error}
      />
      <ConfirmDialog
        opened={revoking !== undefined}
        onClose={() => setRevoking(undefined)}
        title={`Thu hồi mã API “${revoking?.name ?? ''}”?`}
        effects={[
          `Mã ${revoking?.prefix ?? ''} ngừng dùng được ngay; hệ thống đang dùng mã sẽ bị từ chối.`,
          'Số liệu đã gửi bằng mã này vẫn được giữ nguyên.',
        ]}
        irreversible="Mã đã thu hồi không dùng lại được; muốn kết nối lại phải cấp mã mới."
        confirmLabel="Thu hồi mã"
        color="red"
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </Stack>
  );
}
