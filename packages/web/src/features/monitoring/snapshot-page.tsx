import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Snapshot } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { date, percent, points } from '../../lib/format';
import { useSnapshot, useSnapshots } from './api';
import { RowEditor } from './row-editor';

type Node = Snapshot['nodes'][number];

/** One snapshot: every leaf's expectation, editable by the unit, and seed 000's appendix text. */
export default function SnapshotPage() {
  const { unitId = '', snapshotId = '' } = useParams();
  const { user } = useSession();
  const snapshot = useSnapshot(unitId, snapshotId);
  const [editing, setEditing] = useState<Node | null>(null);
  const [compareId, setCompareId] = useState<string | null>(null);
  const list = useSnapshots(unitId);
  const compared = useSnapshot(unitId, compareId);
  if (snapshot.isPending) return <Loading />;
  if (snapshot.error) return <ErrorMessage error={snapshot.error} />;
  const view = snapshot.data;
  const canEdit =
    user?.unitId === unitId && (user.role === 'unitOfficer' || user.role === 'unitHead');
  const officeName = new Map(view.offices.map((o) => [o.id, o.name]));
  const reasonLabel = new Map(view.reasons.map((r) => [r.key, r.label]));
  const other = compared.data && new Map(compared.data.nodes.map((n) => [n.code, n]));
  const others = (list.data?.snapshots ?? []).filter((s) => s.id !== view.id);
  return (
    <Stack>
      <Anchor component={Link} to="/theo-doi" size="sm">
        ← Các bản theo dõi
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {view.title} — {view.unit.name}
          </Title>
          <Text c="dimmed" size="sm">
            Đến ngày {date(view.asOf)} · {view.framework.name}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            component="a"
            variant="default"
            href={`/api/units/${unitId}/monitoring/${view.id}/document.docx`}
          >
            Tải báo cáo Word
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/units/${unitId}/monitoring/${view.id}/workbook.xlsx`}
          >
            Tải Excel
          </Button>
        </Group>
      </Group>
      <Group>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            Điểm dự kiến
          </Text>
          <Text fw={700} size="xl">
            {points(view.total.expectedPoints)}/{points(view.total.maxPoints)}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            Chỉ số dự kiến
          </Text>
          <Text fw={700} size="xl">
            {view.total.expectedIndex === null ? '—' : percent(Number(view.total.expectedIndex))}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            Điểm có thể mất
          </Text>
          <Text fw={700} size="xl" c={Number(view.total.atRisk) > 0 ? 'red.8' : undefined}>
            {points(view.total.atRisk)}
          </Text>
        </Card>
        {others.length > 0 && (
          <Select
            label="So sánh với bản"
            placeholder="Chọn bản theo dõi khác"
            clearable
            data={others.map((s) => ({ value: s.id, label: `${s.title} (${date(s.asOf)})` }))}
            value={compareId}
            onChange={setCompareId}
            w={280}
          />
        )}
      </Group>
      <Tabs defaultValue="table">
        <Tabs.List>
          <Tabs.Tab value="table">Bảng theo dõi</Tabs.Tab>
          <Tabs.Tab value="text">Phụ lục (văn bản)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="table" pt="sm">
          <Table.ScrollContainer minWidth={1000}>
            <Table fz="sm" verticalSpacing={6} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tiêu chí</Table.Th>
                  <Table.Th ta="right">Tối đa</Table.Th>
                  <Table.Th ta="right">Dự kiến</Table.Th>
                  {other && <Table.Th ta="right">Bản so sánh</Table.Th>}
                  <Table.Th ta="right">Có thể mất</Table.Th>
                  <Table.Th>Lý do</Table.Th>
                  <Table.Th>Phòng, ban</Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.nodes.map((node) => {
                  if (!node.leaf) {
                    const area = view.areas.find((a) => a.code === node.code);
                    return (
                      <Table.Tr key={node.code}>
                        <Table.Td
                          colSpan={7 + (other ? 1 : 0)}
                          fw={700}
                          bg={area ? 'gray.1' : undefined}
                        >
                          {node.code}. {node.title}
                          {area && (
                            <Text span fw={400} size="sm">
                              {' '}
                              — dự kiến {points(area.expectedPoints)}/{points(area.maxPoints)}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  }
                  const then = other?.get(node.code);
                  return (
                    <Table.Tr key={node.code}>
                      <Table.Td>
                        {node.code}. {node.title}
                        <Text size="xs" c="dimmed">
                          {node.sourceLabel}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{points(node.maxPoints)}</Table.Td>
                      <Table.Td ta="right">
                        {node.applicable ? (
                          points(node.expectedPoints)
                        ) : (
                          <Badge color="gray">Không áp dụng</Badge>
                        )}
                      </Table.Td>
                      {other && (
                        <Table.Td ta="right">
                          {then?.applicable === false
                            ? 'Không áp dụng'
                            : points(then?.expectedPoints)}
                        </Table.Td>
                      )}
                      <Table.Td ta="right" c={Number(node.atRisk ?? 0) > 0 ? 'red.8' : undefined}>
                        {node.applicable ? points(node.atRisk) : '—'}
                      </Table.Td>
                      <Table.Td>
                        {node.reason ? reasonLabel.get(node.reason) : ''}
                        {node.reasonText && (
                          <Text size="xs" c="dimmed">
                            {node.reasonText}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{node.officeId ? officeName.get(node.officeId) : ''}</Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => setEditing(node)}
                          >
                            Sửa
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Card withBorder>
            <Stack gap={6}>
              <Text fw={700} ta="center">
                Những nội dung tiêu chí, tiêu chí thành phần dự kiến bị mất điểm{' '}
                {view.title.toLowerCase()}
              </Text>
              {view.areas.map((area) => (
                <Fragment key={area.code}>
                  <Text>- {area.sentence}</Text>
                  {area.leaves.map((leaf) => (
                    <Text key={leaf.code} pl="md">
                      {leaf.sentence}
                    </Text>
                  ))}
                </Fragment>
              ))}
            </Stack>
          </Card>
        </Tabs.Panel>
      </Tabs>
      {editing && <RowEditor snapshot={view} node={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
