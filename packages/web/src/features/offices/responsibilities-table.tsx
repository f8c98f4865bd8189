import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { NodeOfficesView, Office, Responsibilities } from '@chiso/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';

const SOURCE_LABELS: Record<NodeOfficesView['source'], string> = {
  framework: 'Theo bộ chỉ số',
  unit: 'Đơn vị tự giao',
  none: 'Chưa có',
};
const SOURCE_COLORS: Record<NodeOfficesView['source'], string> = {
  framework: 'blue',
  unit: 'green',
  none: 'gray',
};

/** Why a default name matched nothing, as the unit reads it. */
function unmatchedText(names: string[]): string {
  return names
    .map((name) => `Khung bộ chỉ số ghi "${name}" nhưng đơn vị chưa có phòng này`)
    .join('; ');
}

/**
 * Each node of the chosen framework with its lead and supporting offices, where the choice
 * came from, the default names the unit has no office for, and an editor per node.
 */
export function ResponsibilitiesTable({
  unitId,
  data,
  onChanged,
}: {
  unitId: string;
  data: Responsibilities;
  onChanged: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const framework = data.framework;
  if (!framework) return null;
  const options = data.offices.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  const save = async (code: string, body: object, done: string) => {
    try {
      await api(
        'PUT',
        `/units/${encodeURIComponent(unitId)}/responsibilities/${framework.id}/${encodeURIComponent(code)}`,
        body,
      );
      notifySaved(done);
      setEditing(null);
      await onChanged();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Card withBorder padding={0}>
      <Title order={3} p="md">
        Phòng, ban chủ trì và phối hợp theo {framework.name}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Phân công chủ trì, phối hợp" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Mã</Table.Th>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th w={200}>Chủ trì</Table.Th>
              <Table.Th w={220}>Phối hợp</Table.Th>
              <Table.Th w={170}>Nguồn</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.nodes.map((node) => (
              <Table.Tr key={node.code} fw={node.leaf ? undefined : 600}>
                <Table.Td>{node.code}</Table.Td>
                <Table.Td style={{ paddingLeft: 12 + node.depth * 16 }}>
                  {node.title}
                  {node.unmatched.length > 0 && (
                    <Text size="xs" c="orange.8" fw={400}>
                      {unmatchedText(node.unmatched)}
                    </Text>
                  )}
                </Table.Td>
                {editing === node.code ? (
                  <NodeEditor
                    node={node}
                    options={options}
                    offices={data.offices}
                    onCancel={() => setEditing(null)}
                    onSave={(body, done) => void save(node.code, body, done)}
                  />
                ) : (
                  <>
                    <Table.Td fw={400}>{node.lead?.name ?? '—'}</Table.Td>
                    <Table.Td fw={400}>
                      {node.supporting.map((o) => o.name).join(', ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={SOURCE_COLORS[node.source]} variant="light" tt="none">
                        {SOURCE_LABELS[node.source]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`Giao phòng, ban cho ${node.code}`}
                        onClick={() => setEditing(node.code)}
                      >
                        Sửa
                      </Button>
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function NodeEditor({
  node,
  options,
  offices,
  onCancel,
  onSave,
}: {
  node: NodeOfficesView;
  options: { value: string; label: string }[];
  offices: Office[];
  onCancel: () => void;
  onSave: (body: object, done: string) => void;
}) {
  const [lead, setLead] = useState<string | null>(node.lead?.id ?? null);
  const [supporting, setSupporting] = useState<string[]>(node.supporting.map((o) => o.id));
  const known = new Set(offices.map((o) => o.id));
  return (
    <Table.Td colSpan={4}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label="Phòng, ban chủ trì"
            placeholder="Chưa giao"
            data={options}
            value={lead}
            onChange={setLead}
            clearable
            searchable
          />
          <MultiSelect
            label="Phòng, ban phối hợp"
            data={options.filter((o) => o.value !== lead)}
            value={supporting.filter((id) => known.has(id) && id !== lead)}
            onChange={setSupporting}
            searchable
          />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() =>
              onSave(
                { leadOfficeId: lead, supportingOfficeIds: supporting.filter((id) => id !== lead) },
                `Đã giao phòng, ban cho ${node.code}`,
              )
            }
          >
            Lưu
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              onSave(
                { leadOfficeId: null, supportingOfficeIds: [], useDefault: true },
                `${node.code} dùng lại phân công theo bộ chỉ số`,
              )
            }
          >
            Dùng theo bộ chỉ số
          </Button>
          <Button size="xs" variant="subtle" onClick={onCancel}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </Table.Td>
  );
}
