import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { keys } from '../../api/hooks';
import type { Assessment, EntryView, FrameworkNodeView } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { TimeInput } from '../../components/time-input';
import { dateTime } from '../../lib/format';
import { OutcomeForm, outcomeBody, useOutcomeState } from './outcome-form';

/** The appraiser's side of one leaf: the outcome with its reason, and the supplement request. */
export function AppraisalForm({
  assessment,
  node,
  entry,
  canAppraise,
  firstRound,
  onNext,
}: {
  assessment: Assessment;
  node: FrameworkNodeView;
  entry: EntryView;
  canAppraise: boolean;
  firstRound: boolean;
  onNext: () => void;
}) {
  const client = useQueryClient();
  const [state, setState] = useOutcomeState(entry);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const url = `/periods/${assessment.period.id}/units/${assessment.unit.id}/entries/${node.code}/appraisal`;

  const send = async (body: Record<string, unknown>, message: string, next: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api('PUT', url, { ...body, version: entry.version });
      await client.invalidateQueries({
        queryKey: keys.assessment(assessment.period.id, assessment.unit.id),
      });
      notifySaved(message);
      if (next) onNext();
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.code === 'CONFLICT') {
        await client.invalidateQueries({
          queryKey: keys.assessment(assessment.period.id, assessment.unit.id),
        });
      }
    } finally {
      setBusy(false);
    }
  };
  // Lower units' results and statistics score the leaf; the appraiser only comments (0025, 0026).
  const fed = entry.lowerUnitsFeed !== undefined || Boolean(entry.statisticFeed);
  const save = (next: boolean) =>
    send(outcomeBody(state, 'comment'), `Đã lưu kết quả thẩm định ${node.code}`, next);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Ý kiến thẩm định
        </Title>
        {fed ? null : entry.appraisal?.kindLabel ? (
          <Text size="sm">
            Đã quyết định: <b>{entry.appraisal.kindLabel}</b>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Chưa thẩm định: khi chốt vòng, tiêu chí được chấp nhận theo kết quả tự đánh giá.
          </Text>
        )}
        {fed ? (
          <>
            <Text size="sm">
              Điểm tiêu chí này được tính tự động từ{' '}
              {entry.lowerUnitsFeed
                ? 'kết quả đã công bố của các đơn vị cấp dưới'
                : 'số liệu thống kê TTHC của hệ thống một cửa'}
              ; Tổ thẩm định không sửa điểm, chỉ ghi nhận xét.
            </Text>
            <Textarea
              label="Nhận xét"
              value={state.reason}
              onChange={(e) => setState({ ...state, reason: e.currentTarget.value })}
              disabled={!canAppraise}
              autosize
              minRows={2}
            />
          </>
        ) : (
          <OutcomeForm
            node={node}
            entry={entry}
            pointsDecimals={assessment.framework.pointsDecimals}
            state={state}
            onChange={setState}
            disabled={!canAppraise}
            reasonLabel="Nhận xét, lý do (bắt buộc khi kết quả khác kết quả tự đánh giá)"
            onSubmitKey={() => void save(true)}
          />
        )}
        <ErrorMessage error={error} title="Chưa lưu được" />
        {canAppraise && (
          <Group gap="xs">
            {!fed && (
              <Button onClick={() => void save(true)} loading={busy}>
                Lưu và sang tiêu chí sau
              </Button>
            )}
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                void send(
                  { outcome: 'accepted', comment: state.reason.trim() || null },
                  `Đã chấp nhận kết quả tự đánh giá ${node.code}`,
                  true,
                )
              }
            >
              {fed ? 'Lưu nhận xét và sang tiêu chí sau' : 'Chấp nhận và sang tiêu chí sau'}
            </Button>
          </Group>
        )}
        {entry.appraisal?.supplementDeadline && (
          <Text size="sm" c="orange.8">
            Đã yêu cầu bổ sung trước {dateTime(entry.appraisal.supplementDeadline, true)}:{' '}
            {entry.appraisal.supplementNote}
          </Text>
        )}
        {canAppraise && firstRound && (
          <Stack gap="xs" mt="sm">
            <Text fw={600} size="sm">
              Yêu cầu đơn vị bổ sung
            </Text>
            <TimeInput label="Hạn bổ sung" value={deadline} onChange={setDeadline} />
            <Textarea
              label="Nội dung cần bổ sung"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                color="orange"
                variant="light"
                disabled={!deadline.trim() || !note.trim()}
                loading={busy}
                onClick={() =>
                  void send(
                    { supplementDeadline: deadline, supplementNote: note },
                    `Đã yêu cầu bổ sung ${node.code}`,
                    false,
                  )
                }
              >
                Gửi yêu cầu bổ sung
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
