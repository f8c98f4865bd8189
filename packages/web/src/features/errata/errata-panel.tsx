import {
  Button,
  Card,
  Divider,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { Erratum, ErratumPreview, PeriodDetail, UnitFigures } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { dateTime, percent, points } from '../../lib/format';
import { publicationText } from '../results/publication-banner';
import { CorrectionForm, erratumKey } from './correction-form';

const arrow = (before: string, after: string) =>
  before === after ? after : `${before} → ${after}`;

function figure(f: UnitFigures | null, pick: (f: UnitFigures) => string): string {
  return f ? pick(f) : '—';
}

/**
 * Correcting a published result the way a government corrects a decision: fix the leaves,
 * see what the corrected publication would change, then issue it under its own decision.
 */
export default function ErrataPanel({ period }: { period: PeriodDetail }) {
  const preview = useQuery({
    queryKey: erratumKey(period.id),
    queryFn: () => api<ErratumPreview>('GET', `/periods/${period.id}/errata/preview`),
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Đính chính kết quả đã công bố</Title>
        {preview.data && (
          <Text size="sm" c="dimmed">
            Bản đang có hiệu lực: {publicationText(preview.data.publication)}.
          </Text>
        )}
        <CorrectionForm period={period} />
        <Divider />
        <Title order={4}>Những thay đổi so với bản đang có hiệu lực</Title>
        {preview.isPending && <Loading />}
        <ErrorMessage error={preview.error} />
        {preview.data && <Changes preview={preview.data} />}
        {preview.data && preview.data.changes.length > 0 && (
          <IssueErratum period={period} preview={preview.data} />
        )}
      </Stack>
    </Card>
  );
}

function Changes({ preview }: { preview: ErratumPreview }) {
  if (preview.changes.length === 0) {
    return <Text size="sm">Chưa có thay đổi: tính lại kết quả giống bản đang có hiệu lực.</Text>;
  }
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={800}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Điểm</Table.Th>
              <Table.Th>Chỉ số</Table.Th>
              <Table.Th>Hạng</Table.Th>
              <Table.Th>Xếp loại</Table.Th>
              <Table.Th>Người đứng đầu</Table.Th>
              <Table.Th>Tiêu chí thay đổi</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.changes.map((c) => (
              <Table.Tr key={`${c.unitType}-${c.unitId}`}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  {arrow(
                    figure(c.before, (f) => points(f.points)),
                    figure(c.after, (f) => points(f.points)),
                  )}
                </Table.Td>
                <Table.Td>
                  {arrow(
                    figure(c.before, (f) => percent(f.percent)),
                    figure(c.after, (f) => percent(f.percent)),
                  )}
                </Table.Td>
                <Table.Td>
                  {arrow(
                    figure(c.before, (f) => String(f.rank ?? '—')),
                    figure(c.after, (f) => String(f.rank ?? '—')),
                  )}
                </Table.Td>
                <Table.Td>
                  {arrow(
                    figure(c.before, (f) => f.band ?? '—'),
                    figure(c.after, (f) => f.band ?? '—'),
                  )}
                </Table.Td>
                <Table.Td>
                  {arrow(
                    figure(c.before, (f) => f.headRating ?? '—'),
                    figure(c.after, (f) => f.headRating ?? '—'),
                  )}
                </Table.Td>
                <Table.Td>
                  {c.leaves.length === 0
                    ? 'Đổi hạng do đơn vị khác thay đổi'
                    : c.leaves
                        .map(
                          (l) =>
                            `${l.code}: ${l.before?.status === 'notApplicable' ? 'không áp dụng' : points(l.before?.points)} → ${l.after?.status === 'notApplicable' ? 'không áp dụng' : points(l.after?.points)}`,
                        )
                        .join('; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.corrections.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Các sửa đổi kể từ lần công bố đang có hiệu lực
          </Text>
          <List size="sm" spacing={2}>
            {preview.corrections.map((c, i) => (
              <List.Item key={i}>
                {dateTime(c.at)} — {c.repair ? 'Sửa dữ liệu khi nâng cấp chiso' : c.actor}:{' '}
                {c.unitName} tiêu chí {c.code}
                {c.reason ? `. Lý do: ${c.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

function IssueErratum({ period, preview }: { period: PeriodDetail; preview: ErratumPreview }) {
  const client = useQueryClient();
  const [number, setNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const issue = useMutation({
    mutationFn: () =>
      api<Erratum>('POST', `/periods/${period.id}/errata`, {
        decisionNumber: number,
        decisionDate: isoDate(decisionDate),
        reason,
        changesFingerprint: preview.fingerprint,
      }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: erratumKey(period.id) });
      await client.invalidateQueries({ queryKey: keys.results(period.id) });
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      notifySaved(
        `Đã ban hành đính chính lần ${result.version - 1}: ${result.changedUnits} đơn vị thay đổi`,
      );
      setNumber('');
      setDecisionDate('');
      setReason('');
    },
  });
  const ready = number.trim() !== '' && isoDate(decisionDate) !== undefined && reason.trim() !== '';
  return (
    <Stack gap="sm">
      <Title order={4}>Ban hành đính chính</Title>
      <Group grow align="flex-start">
        <TextInput
          label="Số quyết định đính chính"
          placeholder="35/QĐ-UBND"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
        />
        <DateInput label="Ngày quyết định" value={decisionDate} onChange={setDecisionDate} />
      </Group>
      <Textarea
        label="Lý do đính chính"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ErrorMessage error={issue.error} title="Chưa ban hành được" />
      <Group>
        <Button
          color="red"
          disabled={!ready}
          loading={issue.isPending}
          onClick={() => setConfirming(true)}
        >
          Ban hành đính chính
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Ban hành đính chính kết quả?"
        effects={[
          `Kết quả của ${preview.changes.length} đơn vị thay đổi như bảng trên; bảng xếp hạng, báo cáo, tệp Excel và so sánh của năm sau dùng bản đính chính.`,
          `Bản đang có hiệu lực (${publicationText(preview.publication)}) vẫn xem được, được ghi là đã thay thế.`,
          `Quyết định số ${number}, ngày ${decisionDate}.`,
        ]}
        irreversible="Không thể hoàn tác: bản đính chính được công bố ngay cho mọi người."
        confirmLabel="Ban hành đính chính"
        color="red"
        onConfirm={() => {
          setConfirming(false);
          issue.mutate();
        }}
      />
    </Stack>
  );
}
