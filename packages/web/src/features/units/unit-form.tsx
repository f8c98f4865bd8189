import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { peerGroupLabel, UNIT_TYPES } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { Unit } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';

/** The choice that opens a text field for a group the province names itself. */
const OTHER = '__khac';

/**
 * The peer group (nhóm xếp hạng) by its name: the groups units already have and one per unit
 * type, or a new code typed in. Empty means "as its unit type", which the server applies.
 */
function PeerGroupField({
  value,
  onChange,
  units,
}: {
  value: string;
  onChange: (value: string) => void;
  units: Unit[];
}) {
  const codes = [...new Set([...Object.keys(UNIT_TYPES), ...units.map((u) => u.peerGroup)])];
  const known = value === '' || codes.includes(value);
  const [typing, setTyping] = useState(!known);
  return (
    <Stack gap={4}>
      <Select
        label="Nhóm xếp hạng"
        placeholder="Như loại đơn vị"
        data={[
          ...codes.map((code) => ({ value: code, label: peerGroupLabel(code) })),
          { value: OTHER, label: 'Nhóm khác (tự đặt mã)…' },
        ]}
        value={typing ? OTHER : value || null}
        onChange={(choice) => {
          setTyping(choice === OTHER);
          onChange(choice === OTHER || choice === null ? '' : choice);
        }}
        clearable
        searchable
      />
      {typing && (
        <TextInput
          aria-label="Mã nhóm xếp hạng mới"
          placeholder="ví dụ: khoi-kinh-te"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

/** Adds a unit or changes one: name, type, parent and peer group, all by their names. */
export function UnitForm({
  initial,
  units,
  onDone,
}: {
  initial: Partial<Unit>;
  units: Unit[];
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [id, setId] = useState(initial.id ?? '');
  const [name, setName] = useState(initial.name ?? '');
  const [type, setType] = useState<string | null>(initial.type ?? 'so');
  const [parentId, setParentId] = useState<string | null>(initial.parentId ?? null);
  const [peerGroup, setPeerGroup] = useState(initial.peerGroup ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/units/${encodeURIComponent(id)}`, {
        name,
        type,
        parentId,
        ...(peerGroup.trim() ? { peerGroup: peerGroup.trim() } : {}),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.units });
      notifySaved(`Đã lưu ${name}`);
      onDone();
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{initial.id ? `Sửa ${initial.name ?? ''}` : 'Thêm đơn vị'}</Title>
        <Group grow align="flex-start">
          <TextInput
            label="Mã đơn vị"
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            disabled={Boolean(initial.id)}
            required
          />
          <TextInput
            label="Tên đơn vị"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Loại đơn vị"
            data={Object.entries(UNIT_TYPES).map(([value, spec]) => ({ value, label: spec.label }))}
            value={type}
            onChange={setType}
          />
          <Select
            label="Đơn vị cấp trên"
            data={units.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.name }))}
            value={parentId}
            onChange={setParentId}
            clearable
            searchable
          />
          <PeerGroupField value={peerGroup} onChange={setPeerGroup} units={units} />
        </Group>
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
