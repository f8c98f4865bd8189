import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Office } from '@chiso/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorMessage, notifyError, notifySaved } from '../../components/feedback';

/**
 * The unit's offices in their order: add, rename, move up or down, stop or restart. Stopped
 * offices are listed apart: they are never deleted, since plans and tasks keep their names.
 */
export function OfficeList({
  unitId,
  offices,
  onChanged,
}: {
  unitId: string;
  offices: Office[];
  onChanged: () => Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const active = offices.filter((o) => o.active);
  const stopped = offices.filter((o) => !o.active);
  const path = `/units/${encodeURIComponent(unitId)}/offices`;

  const add = async () => {
    setError(null);
    try {
      const office = await api<Office>('POST', path, { name });
      notifySaved(`Đã thêm ${office.name}`);
      setName('');
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const change = async (office: Office, body: Partial<Office>, done: string) => {
    try {
      await api('PUT', `${path}/${office.id}`, body);
      notifySaved(done);
      setRenaming(null);
      await onChanged();
    } catch (e) {
      notifyError(e);
    }
  };
  // Moving renumbers the active offices 0, 1, 2… so that equal positions cannot tie.
  const move = async (index: number, by: -1 | 1) => {
    const order = [...active];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    try {
      for (const [position, office] of order.entries()) {
        if (office.position !== position) await api('PUT', `${path}/${office.id}`, { position });
      }
      await onChanged();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Phòng, ban, đơn vị trực thuộc</Title>
        {active.length === 0 ? (
          <Text c="dimmed">Đơn vị chưa có phòng, ban nào đang hoạt động.</Text>
        ) : (
          <Table aria-label="Phòng, ban đang hoạt động">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>STT</Table.Th>
                <Table.Th>Tên phòng, ban</Table.Th>
                <Table.Th w={320} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((office, index) => (
                <Table.Tr key={office.id}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    {renaming?.id === office.id ? (
                      <Group gap="xs">
                        <TextInput
                          aria-label={`Tên mới của ${office.name}`}
                          value={renaming.name}
                          onChange={(e) =>
                            setRenaming({ id: office.id, name: e.currentTarget.value })
                          }
                        />
                        <Button
                          size="xs"
                          onClick={() =>
                            void change(office, { name: renaming.name }, 'Đã đổi tên phòng, ban')
                          }
                        >
                          Lưu
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setRenaming(null)}>
                          Hủy
                        </Button>
                      </Group>
                    ) : (
                      office.name
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <ActionIcon
                        variant="default"
                        aria-label={`Đưa ${office.name} lên trên`}
                        disabled={index === 0}
                        onClick={() => void move(index, -1)}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={`Đưa ${office.name} xuống dưới`}
                        disabled={index === active.length - 1}
                        onClick={() => void move(index, 1)}
                      >
                        ↓
                      </ActionIcon>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setRenaming({ id: office.id, name: office.name })}
                      >
                        Đổi tên
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          void change(office, { active: false }, `Đã ngừng ${office.name}`)
                        }
                      >
                        Ngừng
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <TextInput
            label="Thêm phòng, ban"
            placeholder="Ví dụ: Phòng Tư pháp"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && name.trim()) void add();
            }}
            w={360}
          />
          <Button onClick={() => void add()} disabled={name.trim() === ''}>
            Thêm
          </Button>
        </Group>
        <ErrorMessage error={error} title="Chưa thêm được phòng, ban" />
        {stopped.length > 0 && (
          <Stack gap="xs">
            <Text fw={600}>Đã ngừng hoạt động</Text>
            {stopped.map((office) => (
              <Group key={office.id} gap="sm">
                <Badge color="gray" variant="light" tt="none">
                  Đã ngừng
                </Badge>
                <Text c="dimmed">{office.name}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() =>
                    void change(office, { active: true }, `Đã dùng lại ${office.name}`)
                  }
                >
                  Dùng lại
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
