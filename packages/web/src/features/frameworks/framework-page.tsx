import {
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Decimal } from '@chiso/core/decimal/decimal.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { keys, useFramework } from '../../api/hooks';
import type { FrameworkNodeView, FrameworkView } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { points } from '../../lib/format';
import { CodeMapEditor } from './code-map-editor';
import { EditNode, officesText } from './edit-node';
import { RenumberNode } from './renumber-node';
import { ReviewPanel } from './review-panel';

/** Whether a parent's max equals its children's sum (it always does once imported; shown for trust). */
function sumOk(framework: FrameworkView, node: FrameworkNodeView): boolean {
  const children = framework.nodes.filter((n) => n.parent === node.code);
  if (children.length === 0) return true;
  return Decimal.sum(children.map((c) => Decimal.of(c.maxPoints))).equals(
    Decimal.of(node.maxPoints),
  );
}

export default function FrameworkPage() {
  const { frameworkId = '' } = useParams();
  const { user } = useSession();
  const framework = useFramework(frameworkId);
  const [editing, setEditing] = useState<FrameworkNodeView | null>(null);
  if (framework.isPending) return <Loading />;
  if (framework.error) return <ErrorMessage error={framework.error} />;
  const f = framework.data;
  const admin = user?.role === 'administrator';
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{f.name}</Title>
            {f.review.status === 'needsReview' && (
              <Badge color="orange" variant="light">
                {f.review.statusLabel}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">
            Năm {f.year} — {unitTypeLabel(f.unitType)} — tổng {points(f.maxPoints)} điểm
          </Text>
        </div>
        {admin && <CopyFramework framework={f} />}
      </Group>
      <ReviewPanel
        framework={f}
        admin={admin}
        onEdit={(code) => setEditing(f.nodes.find((n) => n.code === code) ?? null)}
      />
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover aria-label="Cây bộ chỉ số">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Lĩnh vực / tiêu chí</Table.Th>
                <Table.Th ta="right">Điểm tối đa</Table.Th>
                <Table.Th>Cách chấm</Table.Th>
                {admin && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.nodes.map((node) => (
                <Table.Tr key={node.code} fw={node.depth === 1 ? 700 : undefined}>
                  <Table.Td>{node.code}</Table.Td>
                  <Table.Td style={{ paddingLeft: 12 + (node.depth - 1) * 18 }}>
                    {node.title}
                    {node.appliesTo.length > 0 && (
                      <Text span size="xs" fw={600} c="blue.8" ml={6}>
                        (chỉ {node.appliesTo.map(unitTypeLabel).join(', ')})
                      </Text>
                    )}
                    {officesText(node) && (
                      <Text size="xs" fw={400} c="dimmed">
                        {officesText(node)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {points(node.maxPoints)}
                    {!sumOk(f, node) && (
                      <Text span c="red" ml={4} title="Không bằng tổng các mục con">
                        ≠
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {node.isLeaf
                        ? node.ruleText
                        : `tổng ${f.nodes.filter((n) => n.parent === node.code).length} mục con`}
                    </Text>
                  </Table.Td>
                  {admin && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(node)}
                        aria-label={`Sửa mục ${node.code}`}
                      >
                        Sửa
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <CodeMapEditor framework={f} admin={admin} />
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size={editing?.isLeaf ? 'min(76rem, 100%)' : 'lg'}
        title={editing ? `Sửa mục ${editing.code}` : ''}
      >
        {editing && (
          <Stack>
            <RenumberNode framework={f} node={editing} onDone={() => setEditing(null)} />
            <EditNode framework={f} node={editing} onDone={() => setEditing(null)} />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}

function CopyFramework({ framework }: { framework: FrameworkView }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [year, setYear] = useState<number | string>(framework.year + 1);
  const copy = useMutation({
    mutationFn: () =>
      api<FrameworkView>('POST', `/frameworks/${framework.id}/copy`, { year: Number(year) }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: keys.frameworks });
      notifySaved(`Đã tạo "${created.name}"`);
      await navigate(`/bo-chi-so/${created.id}`);
    },
  });
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" align="flex-end">
        <NumberInput
          label="Sao chép sang năm"
          value={year}
          onChange={setYear}
          w={140}
          min={2000}
          max={2100}
        />
        <Button variant="default" onClick={() => copy.mutate()} loading={copy.isPending}>
          Sao chép
        </Button>
      </Group>
      {copy.error ? <Alert color="red">{copy.error.message}</Alert> : null}
    </Stack>
  );
}
