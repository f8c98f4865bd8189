import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { peerGroupLabel, unitTypeLabel, UNIT_TYPES } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys, useUnits } from '../../api/hooks';
import type { ImportedUnits, Unit } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { DateInput, isoDate } from '../../components/date-input';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { UnitForm } from './unit-form';
import { date } from '../../lib/format';

const TYPE_ORDER = Object.keys(UNIT_TYPES);

/**
 * Units in tree order: each parent followed by its children, indented; units still active
 * first, by type as the province lists them (departments, districts, communes…), then by name.
 */
function treeOrder(units: Unit[]): { unit: Unit; depth: number }[] {
  const out: { unit: Unit; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const unit of units
      .filter((u) => u.parentId === parent)
      .sort(
        (a, b) =>
          Number(Boolean(a.activeTo)) - Number(Boolean(b.activeTo)) ||
          TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
          a.name.localeCompare(b.name, 'vi'),
      )) {
      out.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export default function UnitsPage() {
  const units = useUnits();
  const [editing, setEditing] = useState<Partial<Unit> | null>(null);
  const [showFormer, setShowFormer] = useState(false);
  if (units.isPending) return <Loading />;
  if (units.error) return <ErrorMessage error={units.error} />;
  const { lineage } = units.data;
  const former = units.data.units.filter((u) => u.activeTo).length;
  const rows = treeOrder(units.data.units).filter(({ unit }) => showFormer || !unit.activeTo);
  const nameOf = new Map(units.data.units.map((u) => [u.id, u.name]));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Đơn vị</Title>
        <Button onClick={() => setEditing({})}>Thêm đơn vị</Button>
      </Group>
      {editing && (
        <UnitForm initial={editing} units={units.data.units} onDone={() => setEditing(null)} />
      )}
      {former > 0 && (
        <Switch
          label={`Hiện cả ${former} đơn vị đã thôi hoạt động (sáp nhập, giải thể)`}
          checked={showFormer}
          onChange={(e) => setShowFormer(e.currentTarget.checked)}
        />
      )}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label="Cây tổ chức">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Tên đơn vị</Table.Th>
                <Table.Th>Loại</Table.Th>
                <Table.Th>Nhóm xếp hạng</Table.Th>
                <Table.Th>Hiệu lực</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ unit, depth }) => {
                const from = lineage.filter((l) => l.unitId === unit.id);
                return (
                  <Table.Tr key={unit.id} c={unit.activeTo ? 'dimmed' : undefined}>
                    <Table.Td>{unit.id}</Table.Td>
                    <Table.Td style={{ paddingLeft: 12 + depth * 20 }}>
                      {unit.name}
                      {from.length > 0 && (
                        <Text size="xs" c="dimmed">
                          Hình thành từ{' '}
                          {from
                            .map(
                              (l) =>
                                `${nameOf.get(l.fromUnitId) ?? l.fromUnitId}${l.isPrimary ? ' (chính)' : ''}`,
                            )
                            .join(', ')}{' '}
                          ngày {date(l0(from))}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{unitTypeLabel(unit.type)}</Table.Td>
                    <Table.Td>{peerGroupLabel(unit.peerGroup)}</Table.Td>
                    <Table.Td>
                      {unit.activeTo ? (
                        <Badge color="gray" variant="light">
                          đến {date(unit.activeTo)}
                        </Badge>
                      ) : unit.activeFrom ? (
                        `từ ${date(unit.activeFrom)}`
                      ) : (
                        ''
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/phong-ban/${encodeURIComponent(unit.id)}`}
                        size="xs"
                        mr="xs"
                        aria-label={`Phòng, ban của ${unit.name}`}
                      >
                        Phòng, ban
                      </Anchor>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(unit)}
                        aria-label={`Sửa ${unit.name}`}
                      >
                        Sửa
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Lineage units={units.data.units} />
      <ImportUnits />
    </Stack>
  );
}

const l0 = (rows: { effectiveOn: string }[]) => rows[0]?.effectiveOn ?? null;

function Lineage({ units }: { units: Unit[] }) {
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [from, setFrom] = useState<string[]>([]);
  const [kind, setKind] = useState<string | null>('merge');
  const [effectiveOn, setEffectiveOn] = useState('01/07/2025');
  const add = useMutation({
    mutationFn: () =>
      api('POST', `/units/${encodeURIComponent(unitId ?? '')}/lineage`, {
        from,
        kind,
        primary: from[0],
        effectiveOn: isoDate(effectiveOn),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.units });
      notifySaved('Đã ghi nhận quan hệ kế thừa');
      setFrom([]);
    },
  });
  const options = units.map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }));
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Sáp nhập, chia tách, đổi tên</Title>
        <Text size="sm" c="dimmed">
          Kết quả năm trước của đơn vị mới được so sánh với đơn vị cũ chọn đầu tiên (đơn vị chính).
        </Text>
        <Group grow align="flex-start">
          <Select
            label="Đơn vị mới"
            data={options}
            value={unitId}
            onChange={setUnitId}
            searchable
          />
          <MultiSelect
            label="Hình thành từ (đơn vị chính trước)"
            data={options.filter((o) => o.value !== unitId)}
            value={from}
            onChange={setFrom}
            searchable
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Hình thức"
            data={[
              { value: 'merge', label: 'Sáp nhập' },
              { value: 'split', label: 'Chia tách' },
              { value: 'rename', label: 'Đổi tên' },
            ]}
            value={kind}
            onChange={setKind}
          />
          <DateInput label="Ngày hiệu lực" value={effectiveOn} onChange={setEffectiveOn} />
        </Group>
        <ErrorMessage error={add.error} />
        <Group>
          <Button
            variant="default"
            onClick={() => add.mutate()}
            loading={add.isPending}
            disabled={!unitId || from.length === 0 || isoDate(effectiveOn) === undefined}
          >
            Ghi nhận
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ImportUnits() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportJob('/units/import', async (job) => {
    const result = job.result as ImportedUnits;
    await client.invalidateQueries({ queryKey: keys.units });
    notifySaved(`Đã nhập: ${result.created} đơn vị mới, ${result.updated} đơn vị cập nhật`);
    setFile(null);
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Nhập danh sách đơn vị từ Excel</Title>
        <Text size="sm" c="dimmed">
          Các cột: "Mã đơn vị", "Tên đơn vị", "Loại đơn vị" (Sở, ban, ngành; UBND cấp huyện; xã;
          phường; đặc khu), tùy chọn "Đơn vị cấp trên", "Nhóm xếp hạng", "Từ ngày", "Đến ngày". Tệp
          có lỗi sẽ không được nhập dòng nào.
        </Text>
        <FilePicker
          file={file}
          onFile={setFile}
          label="Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn"
        />
        <ImportJobStatus state={run} />
        <Group>
          <Button onClick={() => file && run.start(file)} loading={run.busy} disabled={!file}>
            Nhập
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
