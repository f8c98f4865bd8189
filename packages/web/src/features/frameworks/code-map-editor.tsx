import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  checkCodeMap,
  CODE_MAP_KIND_LABELS,
  type CodeLink,
  type CodeMapKind,
  type CodeMapSide,
} from '@chiso/core/framework/code-map.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { CodeMapView, FrameworkView } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';

const KIND_COLORS: Record<CodeMapKind, string> = {
  unchanged: 'gray',
  renumbered: 'blue',
  merged: 'violet',
  split: 'grape',
  dropped: 'red',
  new: 'green',
};

const codeMapKey = (id: string, from: string | null) => [...keys.framework(id), 'code-map', from];

/**
 * Which of last year's leaves each leaf of this framework continues (decision 0013), so that
 * "last year's points" survive renumbering, merging and splitting. Checked as typed by the
 * same core function the server uses; editable until a period uses the framework.
 */
export function CodeMapEditor({ framework, admin }: { framework: FrameworkView; admin: boolean }) {
  const [from, setFrom] = useState<string | null>(null);
  const view = useQuery({
    queryKey: codeMapKey(framework.id, from),
    queryFn: () =>
      api<CodeMapView>(
        'GET',
        `/frameworks/${framework.id}/code-map${from ? `?from=${encodeURIComponent(from)}` : ''}`,
      ),
  });
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={3}>Đối chiếu mã với năm trước</Title>
          <Text size="sm" c="dimmed">
            Mỗi tiêu chí năm nay tiếp nối tiêu chí nào của năm trước: để “điểm năm trước” và xu
            hướng từng tiêu chí vẫn đúng khi tiêu chí được đánh số lại, gộp hoặc tách.
          </Text>
        </div>
        {view.isPending ? (
          <Loading />
        ) : view.error ? (
          <ErrorMessage error={view.error} />
        ) : (
          <CodeMapBody
            // A new table from the server (saved, renumbered, another year chosen) starts a new draft.
            key={JSON.stringify([view.data.previous?.id, view.data.links, view.data.newLeaves])}
            view={view.data}
            admin={admin}
            chosen={from}
            onChoose={setFrom}
          />
        )}
      </Stack>
    </Card>
  );
}

const sideOf = (year: number, leaves: { code: string }[]): CodeMapSide => ({
  year,
  nodes: new Map(leaves.map((l) => [l.code, true])),
});

function CodeMapBody({
  view,
  admin,
  chosen,
  onChoose,
}: {
  view: CodeMapView;
  admin: boolean;
  chosen: string | null;
  onChoose: (id: string | null) => void;
}) {
  const client = useQueryClient();
  const editable = admin && view.editable;
  const [rows, setRows] = useState<CodeLink[]>(
    view.links.map((l) => ({ oldCode: l.oldCode, newCode: l.newCode })),
  );
  const prevYear = view.previous?.year;
  const checked = useMemo(
    () =>
      view.previous
        ? checkCodeMap(
            rows,
            sideOf(view.previous.year, view.oldLeaves),
            sideOf(view.year, view.newLeaves),
          )
        : { links: [], issues: [] },
    [rows, view],
  );
  const save = useMutation({
    mutationFn: () =>
      api<CodeMapView>('PUT', `/frameworks/${view.frameworkId}/code-map`, {
        previousFrameworkId: view.previous?.id ?? null,
        links: rows,
      }),
    onSuccess: async () => {
      onChoose(null);
      await client.invalidateQueries({ queryKey: keys.framework(view.frameworkId) });
      notifySaved('Đã lưu bảng đối chiếu mã');
    },
  });
  const kindOf = (row: CodeLink): CodeMapKind | undefined =>
    checked.links.find((l) => sameLink(l, row))?.kind;
  // What saving adds: codes named in no row, mapped to themselves or dropped / new.
  const completed = checked.links.filter((l) => !rows.some((r) => sameLink(r, l)));
  const set = (index: number, change: Partial<CodeLink>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const options = (leaves: { code: string; title: string }[]) =>
    leaves.map((l) => ({ value: l.code, label: `${l.code} — ${l.title}` }));

  return (
    <Stack>
      {!view.editable && (
        <Alert color="gray">
          Bộ chỉ số đã được dùng cho kỳ đánh giá ({view.usedBy.join(', ')}): bảng đối chiếu không
          còn sửa được.
        </Alert>
      )}
      {editable && view.candidates.length > 0 && (
        <Select
          label="So với bộ chỉ số năm trước"
          placeholder="Chọn bộ chỉ số năm trước"
          data={view.candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.year})` }))}
          value={chosen ?? view.previous?.id ?? null}
          onChange={(value) => onChoose(value)}
          allowDeselect={false}
          maw={520}
        />
      )}
      {!view.previous ? (
        <Text size="sm" c="dimmed">
          {view.candidates.length === 0
            ? 'Chưa có bộ chỉ số năm trước cùng loại đơn vị để đối chiếu; điểm năm trước được lấy theo mã trùng nhau.'
            : 'Chưa chọn bộ chỉ số năm trước; điểm năm trước được lấy theo mã trùng nhau.'}
        </Text>
      ) : (
        <>
          <Text size="sm">
            So với “{view.previous.name}” (năm {view.previous.year}).{' '}
            {!view.stored && 'Bảng dưới đây là bảng mặc định (mã trùng nhau là một), chưa lưu.'}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder aria-label="Bảng đối chiếu mã">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>Dòng</Table.Th>
                  <Table.Th>Mã năm {prevYear}</Table.Th>
                  <Table.Th>Mã năm {view.year}</Table.Th>
                  <Table.Th>Loại</Table.Th>
                  {editable && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => {
                  const kind = kindOf(row);
                  const issues = checked.issues.filter((issue) => issue.row === i + 1);
                  return (
                    <Table.Tr key={i} bg={issues.length > 0 ? 'red.0' : undefined}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        {editable ? (
                          <Select
                            aria-label={`Mã năm ${prevYear}, dòng ${i + 1}`}
                            placeholder="— (mục mới)"
                            data={options(view.oldLeaves)}
                            value={row.oldCode}
                            onChange={(value) => set(i, { oldCode: value })}
                            searchable
                            clearable
                            size="xs"
                          />
                        ) : (
                          <CodeText code={row.oldCode} leaves={view.oldLeaves} none="—" />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <Select
                            aria-label={`Mã năm ${view.year}, dòng ${i + 1}`}
                            placeholder="— (không còn)"
                            data={options(view.newLeaves)}
                            value={row.newCode}
                            onChange={(value) => set(i, { newCode: value })}
                            searchable
                            clearable
                            size="xs"
                          />
                        ) : (
                          <CodeText code={row.newCode} leaves={view.newLeaves} none="—" />
                        )}
                        {issues.map((issue) => (
                          <Text key={issue.message} size="xs" c="red" mt={4}>
                            {issue.message}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {kind ? (
                          <Badge variant="light" color={KIND_COLORS[kind]}>
                            {CODE_MAP_KIND_LABELS[kind]}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      {editable && (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Xóa dòng ${i + 1}`}
                            onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                          >
                            Xóa
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {checked.issues.length === 0 && completed.length > 0 && (
            <Text size="sm" c="dimmed">
              Khi lưu, các mã chưa ghi trong bảng được thêm:{' '}
              {completed
                .map(
                  (l) =>
                    `${l.oldCode ?? '—'} → ${l.newCode ?? '—'} (${CODE_MAP_KIND_LABELS[l.kind].toLowerCase()})`,
                )
                .join('; ')}
              .
            </Text>
          )}
          <ErrorMessage error={save.error} title="Chưa lưu được bảng đối chiếu" />
          {editable && (
            <Group>
              <Button
                variant="default"
                onClick={() => setRows((all) => [...all, { oldCode: null, newCode: null }])}
              >
                Thêm dòng
              </Button>
              <Button
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={checked.issues.length > 0}
              >
                Lưu bảng đối chiếu
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

const sameLink = (a: CodeLink, b: CodeLink) =>
  (a.oldCode ?? '') === (b.oldCode ?? '') && (a.newCode ?? '') === (b.newCode ?? '');

function CodeText({
  code,
  leaves,
  none,
}: {
  code: string | null;
  leaves: { code: string; title: string }[];
  none: string;
}) {
  if (code === null) return <>{none}</>;
  const title = leaves.find((l) => l.code === code)?.title;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {code}
      </Text>
      {title ? ` — ${title}` : ''}
    </Text>
  );
}
