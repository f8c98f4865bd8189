import {
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  OFFICE_ROLES,
  ROLE_LABELS,
  ROLES,
  SECOND_FACTOR_ROLES,
  SECRETARIAT_ROLES,
  UNIT_ROLES,
  type Role,
} from '@chiso/core/access/policy.js';
import type { Office } from '@chiso/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useUnits, useUsers } from '../../api/hooks';
import type { User } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { ImportAccounts } from './import-accounts';
import { TurnOffTwoFactor } from './turn-off-two-factor';

/** Lower case without diacritics, so "son" finds "Sơn" and "dong" finds "Đông". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default function AccountsPage() {
  const users = useUsers();
  const units = useUnits();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  if (users.isPending || units.isPending) return <Loading />;
  if (users.error) return <ErrorMessage error={users.error} />;
  const unitName = new Map((units.data?.units ?? []).map((u) => [u.id, u.name]));
  // A province has a few hundred accounts: find one by any part of its name, login or unit.
  const words = fold(search).split(/\s+/).filter(Boolean);
  const shown = users.data.filter(
    (u) =>
      (!role || u.role === role) &&
      words.every((w) =>
        fold(
          `${u.username} ${u.fullName} ${u.unitId ?? ''} ${unitName.get(u.unitId ?? '') ?? ''} ${u.email ?? ''}`,
        ).includes(w),
      ),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Tài khoản</Title>
        <Button onClick={() => setEditing('new')}>Thêm tài khoản</Button>
      </Group>
      {editing && (
        <AccountForm user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
      <Group align="flex-end">
        <TextInput
          label="Tìm tài khoản"
          placeholder="tên, tên đăng nhập hoặc đơn vị"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Vai trò"
          placeholder="Mọi vai trò"
          data={roleOptions}
          value={role}
          onChange={setRole}
          clearable
          w={260}
        />
        <Text size="sm" c="dimmed" pb={8}>
          {shown.length}/{users.data.length} tài khoản
        </Text>
      </Group>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label="Tài khoản">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tên đăng nhập</Table.Th>
                <Table.Th>Họ và tên</Table.Th>
                <Table.Th>Vai trò</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Thư điện tử</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>{ROLE_LABELS[u.role]}</Table.Td>
                  <Table.Td>
                    {u.unitId
                      ? `${SECRETARIAT_ROLES.includes(u.role) ? 'Cơ quan thường trực của ' : ''}${unitName.get(u.unitId) ?? u.unitId}`
                      : ''}
                  </Table.Td>
                  <Table.Td>{u.email ?? ''}</Table.Td>
                  <Table.Td>
                    {u.active === false ? (
                      <Text size="sm" c="gray.7" fw={600}>
                        Đã khóa
                      </Text>
                    ) : (
                      <Text size="sm" c="green.8" fw={600}>
                        Hoạt động
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing(u)}
                      aria-label={`Sửa ${u.username}`}
                    >
                      Sửa
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <ImportAccounts />
    </Stack>
  );
}

function AccountForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const client = useQueryClient();
  const units = useUnits();
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'unitOfficer');
  const [unitId, setUnitId] = useState<string | null>(user?.unitId ?? null);
  const [email, setEmail] = useState(user?.email ?? '');
  const [officeId, setOfficeId] = useState<string | null>(user?.officeId ?? null);
  const needsOffice = OFFICE_ROLES.includes(role) && unitId !== null;
  // An office's staff belongs to one of the chosen unit's active offices.
  const offices = useQuery({
    queryKey: ['offices', unitId],
    queryFn: () =>
      api<{ offices: Office[] }>('GET', `/units/${encodeURIComponent(unitId ?? '')}/offices`),
    enabled: needsOffice,
  });
  const officeOptions = (offices.data?.offices ?? [])
    .filter((o) => o.active)
    .map((o) => ({ value: o.id, label: o.name }));
  const scope = {
    unitId: UNIT_ROLES.includes(role) || SECRETARIAT_ROLES.includes(role) ? unitId : null,
    officeId: needsOffice ? officeId : null,
  };
  const [active, setActive] = useState(user?.active !== false);
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () =>
      user
        ? api('PATCH', `/users/${user.id}`, {
            fullName,
            role,
            ...scope,
            active,
            email: email.trim() || null,
            ...(password ? { password } : {}),
          })
        : api('POST', '/users', {
            username,
            fullName,
            password,
            role,
            ...scope,
            email: email.trim() || null,
          }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.users });
      notifySaved(user ? `Đã lưu tài khoản ${user.username}` : `Đã tạo tài khoản ${username}`);
      onDone();
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{user ? `Sửa tài khoản ${user.username}` : 'Thêm tài khoản'}</Title>
        <Group grow align="flex-start">
          <TextInput
            label="Tên đăng nhập"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            disabled={Boolean(user)}
            required
          />
          <TextInput
            label="Họ và tên"
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            required
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Vai trò"
            data={roleOptions}
            value={role}
            onChange={(v) => v && setRole(v)}
          />
          {UNIT_ROLES.includes(role) && (
            <Select
              label="Đơn vị"
              data={(units.data?.units ?? [])
                .filter((u) => !u.activeTo)
                .map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={(value) => {
                setUnitId(value);
                setOfficeId(null);
              }}
              searchable
              required
            />
          )}
          {SECRETARIAT_ROLES.includes(role) && (
            <Select
              label="Thuộc cơ quan thường trực của"
              description="Để trống: cơ quan thường trực cấp tỉnh, làm việc trên toàn bộ các đơn vị"
              placeholder="Cấp tỉnh"
              data={(units.data?.units ?? [])
                .filter((u) => !u.activeTo)
                .map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={setUnitId}
              searchable
              clearable
            />
          )}
          {needsOffice && (
            <Select
              label="Phòng, ban"
              placeholder={
                offices.isSuccess && officeOptions.length === 0
                  ? 'Đơn vị chưa có phòng, ban nào'
                  : 'Chọn phòng, ban của đơn vị'
              }
              data={officeOptions}
              value={officeId}
              onChange={setOfficeId}
              searchable
              required
            />
          )}
        </Group>
        <TextInput
          label="Thư điện tử (nhận nhắc việc; không bắt buộc)"
          type="email"
          placeholder="ten@donvi.gov.vn"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          autoComplete="off"
        />
        <PasswordInput
          label={user ? 'Đặt lại mật khẩu (để trống nếu không đổi)' : 'Mật khẩu (ít nhất 10 ký tự)'}
          description={
            user
              ? 'Người dùng phải đổi mật khẩu này ở lần đăng nhập tới. Ít nhất 10 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến.'
              : 'Không chứa tên đăng nhập hay họ tên, không phải mật khẩu phổ biến (như "matkhau123").'
          }
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
        />
        {user && SECOND_FACTOR_ROLES.includes(user.role) && <TurnOffTwoFactor user={user} />}
        {user && (
          <Switch
            label="Tài khoản hoạt động"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        <ErrorMessage error={save.error} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Lưu
          </Button>
          <Button variant="default" onClick={onDone}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
