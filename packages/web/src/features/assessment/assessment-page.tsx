import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  List,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { keys, useAssessment } from '../../api/hooks';
import type { Assessment, EntryView } from '../../api/types';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { StateText } from '../../components/state-text';
import { leftSteps } from '../../components/unit-steps';
import { WindowsTable } from '../../components/windows-table';
import { percent, points } from '../../lib/format';
import { AppraisalRecordLink } from '../appraisal/appraisal-record-link';
import { leafBadge } from './leaf-badge';
import { LeafEditor } from './leaf-editor';
import { SelfAssessmentReportLink } from './self-assessment-report-link';

/** What a unit may do now, as the server will decide it (the server checks again). */
export function unitPermissions(
  a: Assessment,
  entry: EntryView | undefined,
  role: string | undefined,
  unitId: string | null | undefined,
) {
  const own =
    (role === 'unitOfficer' || role === 'unitHead') &&
    unitId === a.unit.id &&
    a.period.status === 'open';
  const windowOpen = (kind: string) => a.windows.find((w) => w.kind === kind)?.open === true;
  const supplementOpen = entry?.appraisal?.supplementDeadline
    ? Date.parse(entry.appraisal.supplementDeadline) > Date.now()
    : false;
  return {
    canEditSelf:
      own &&
      ((a.participation.status === 'draft' && windowOpen('selfAssessment')) ||
        (a.participation.status === 'submitted' && supplementOpen)),
    canRespond:
      own &&
      a.participation.status === 'appraised' &&
      windowOpen('explanation') &&
      entry?.appraisal?.disputed === true,
    canSubmit:
      own &&
      role === 'unitHead' &&
      a.participation.status === 'draft' &&
      windowOpen('selfAssessment'),
  };
}

export default function AssessmentPage() {
  const { periodId = '', unitId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const assessment = useAssessment(periodId, unitId);
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorMessage error={assessment.error} />;
  const a = assessment.data;
  const leaves = a.framework.nodes.filter((n) => n.isLeaf);
  const selected = leaves.find((n) => n.code === params.get('tc')) ?? leaves[0];
  const entries = new Map(a.entries.map((e) => [e.code, e]));
  const problems = new Set(a.submissionProblems.map((p) => p.code));
  const entry = selected ? entries.get(selected.code) : undefined;
  const permissions = unitPermissions(a, entry, user?.role, user?.unitId);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{a.unit.name}</Title>
          <Text c="dimmed">
            {a.period.name} — {a.framework.name}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <StateText color="blue.8">{a.participation.statusLabel}</StateText>
          <Text size="sm">
            Tự chấm: <b>{points(a.self.points)}</b>/{points(a.self.maxPoints)} (
            {percent(a.self.percent)})
            {a.appraised && (
              <>
                {' '}
                — Thẩm định: <b>{points(a.appraised.points)}</b> ({percent(a.appraised.percent)})
              </>
            )}
          </Text>
          <Group gap="xs">
            <SelfAssessmentReportLink assessment={a} ownUnit={user?.unitId === a.unit.id} />
            <AppraisalRecordLink assessment={a} />
          </Group>
        </Stack>
      </Group>
      <WindowsTable windows={a.windows} left={leftSteps(a)} />
      <Submission assessment={a} canSubmit={permissions.canSubmit} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding={0}>
            <ScrollArea.Autosize mah="70vh">
              <nav aria-label="Các tiêu chí">
                {a.framework.nodes
                  .filter((n) => n.depth === 1)
                  .map((area) => (
                    <NavLink
                      key={area.code}
                      label={`${area.code}. ${area.title}`}
                      description={`${a.progress.find((p) => p.code === area.code)?.filled ?? 0}/${a.progress.find((p) => p.code === area.code)?.leaves ?? 0} tiêu chí — tối đa ${points(area.maxPoints)}`}
                      defaultOpened
                      childrenOffset={8}
                    >
                      {leaves
                        .filter(
                          (leaf) =>
                            leaf.code === area.code || leaf.code.startsWith(`${area.code}.`),
                        )
                        .map((leaf) => (
                          <NavLink
                            key={leaf.code}
                            active={leaf.code === selected?.code}
                            label={`${leaf.code} ${leaf.title}`}
                            rightSection={leafBadge(
                              entries.get(leaf.code),
                              problems.has(leaf.code),
                              a.self.nodes.find((n) => n.code === leaf.code),
                            )}
                            onClick={() => setParams({ tc: leaf.code }, { replace: true })}
                          />
                        ))}
                    </NavLink>
                  ))}
              </nav>
            </ScrollArea.Autosize>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected && entry && (
            <LeafEditor
              key={selected.code}
              assessment={a}
              node={selected}
              entry={entry}
              canEditSelf={permissions.canEditSelf}
              canRespond={permissions.canRespond}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** What still blocks submission, leaf by leaf, and the head's submit button. */
function Submission({ assessment, canSubmit }: { assessment: Assessment; canSubmit: boolean }) {
  const client = useQueryClient();
  const [, setParams] = useSearchParams();
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      api('POST', `/periods/${assessment.period.id}/units/${assessment.unit.id}/submit`),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({
        queryKey: keys.assessment(assessment.period.id, assessment.unit.id),
      });
      notifySaved('Đã gửi kết quả tự đánh giá');
    },
    // The dialog closes; the error is shown under the check, where the head can act on it.
    onError: () => setConfirming(false),
  });
  if (assessment.participation.status !== 'draft') return null;
  const leaves = assessment.progress.reduce((n, p) => n + p.leaves, 0);
  const filled = assessment.progress.reduce((n, p) => n + p.filled, 0);
  const unfilled = leaves - filled;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Kiểm tra trước khi gửi
        </Title>
        {assessment.submissionProblems.length === 0 ? (
          <Text c="green.8">
            Không có tiêu chí nào có điểm mà thiếu cả tài liệu kiểm chứng lẫn giải trình.
          </Text>
        ) : (
          <Alert
            color="red"
            title={`${assessment.submissionProblems.length} tiêu chí cần bổ sung tài liệu kiểm chứng hoặc giải trình`}
          >
            <List size="sm">
              {assessment.submissionProblems.map((p) => (
                <List.Item key={p.code}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => setParams({ tc: p.code })}
                  >
                    {p.code}
                  </Button>{' '}
                  {p.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {unfilled > 0 && (
          <Text size="sm" c="dimmed">
            Còn {unfilled} tiêu chí chưa chấm (sẽ tính 0 điểm).
          </Text>
        )}
        <ErrorMessage error={submit.error} title="Chưa gửi được" />
        {canSubmit && (
          <Group>
            <Button
              onClick={() => setConfirming(true)}
              disabled={assessment.submissionProblems.length > 0}
            >
              Thủ trưởng gửi kết quả tự đánh giá
            </Button>
          </Group>
        )}
        <ConfirmDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={`Gửi kết quả tự đánh giá của ${assessment.unit.name}?`}
          effects={[
            <>
              Kết quả được gửi đến Tổ thẩm định: <b>{filled}</b>/{leaves} tiêu chí đã chấm, tự chấm{' '}
              <b>{points(assessment.self.points)}</b>/{points(assessment.self.maxPoints)} điểm.
            </>,
            ...(unfilled > 0
              ? [
                  <>
                    <b>{unfilled}</b> tiêu chí chưa chấm sẽ tính 0 điểm.
                  </>,
                ]
              : []),
            'Hồ sơ chuyển sang "Đã gửi, chờ thẩm định".',
          ]}
          irreversible="Sau khi gửi, đơn vị không sửa được điểm tự chấm và không rút lại được; chỉ bổ sung được những tiêu chí mà Tổ thẩm định gửi trả lại, trong hạn họ nêu."
          confirmLabel="Gửi kết quả tự đánh giá"
          onConfirm={() => submit.mutate()}
          loading={submit.isPending}
        />
      </Stack>
    </Card>
  );
}
