import {
  Badge,
  Card,
  Grid,
  Group,
  Kbd,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleSchema } from '@chiso/core';
import { useEffect, useMemo, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { keys, useAssessment } from '../../api/hooks';
import type { Assessment, EntryView, Finalised, FrameworkNodeView } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { percent, points } from '../../lib/format';
import { LowerUnitsFeed } from '../assessment/lower-units-feed';
import { RuleInputs, type Facts } from '../assessment/rule-inputs';
import { StatisticFeed } from '../assessment/statistic-feed';
import { usePreview } from '../assessment/use-preview';
import { AppraisalForm } from './appraisal-form';
import { SelfAssessmentReportLink } from '../assessment/self-assessment-report-link';
import { AppraisalRecordLink } from './appraisal-record-link';
import { EvidenceViewer } from './evidence-viewer';
import { FinaliseButton } from './finalise-button';

type ResultNode = Assessment['self']['nodes'][number];

/** The unit's own outcome in a word: its points, or why it has none. */
function selfText(node: ResultNode | undefined): string {
  switch (node?.status) {
    case 'scored':
      return points(node.points);
    case 'notApplicable':
      return 'không áp dụng';
    default:
      return 'chưa có điểm';
  }
}

function appraisedText(e: EntryView | undefined): string {
  switch (e?.appraisal?.kind ?? null) {
    case null:
      return 'chưa thẩm định';
    case 'accepted':
      return 'thẩm định: chấp nhận';
    case 'missing':
      return 'thẩm định: không tính điểm';
    default:
      return e?.appraisal?.points === null
        ? 'thẩm định: không có điểm'
        : `thẩm định ${points(e?.appraisal?.points)}`;
  }
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);

export default function AppraisalPage() {
  const { periodId = '', unitId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const client = useQueryClient();
  const assessment = useAssessment(periodId, unitId);
  const a = assessment.data;
  const leaves = a ? a.framework.nodes.filter((n) => n.isLeaf) : [];
  const index = Math.max(
    0,
    leaves.findIndex((n) => n.code === params.get('tc')),
  );
  const go = (i: number) => {
    const leaf = leaves[Math.min(leaves.length - 1, Math.max(0, i))];
    if (leaf) setParams({ tc: leaf.code }, { replace: true });
  };
  const goRef = useRef(go);
  goRef.current = go;
  const indexRef = useRef(index);
  indexRef.current = index;

  // j/k or ↓/↑ move between leaves when not typing: appraisers go through hundreds a day.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        goRef.current(indexRef.current + 1);
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        goRef.current(indexRef.current - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const finalise = useMutation({
    mutationFn: () => api<Finalised>('POST', `/periods/${periodId}/units/${unitId}/finalise`),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: keys.assessment(periodId, unitId) });
      notifySaved(
        result.status === 'appraised'
          ? `Đã chốt vòng thẩm định (${result.accepted} tiêu chí chấp nhận theo kết quả tự đánh giá); đơn vị có thể giải trình`
          : 'Đã chốt kết quả thẩm định',
      );
    },
    onError: notifyError,
  });

  if (assessment.isPending) return <Loading />;
  if (assessment.error || !a) return <ErrorMessage error={assessment.error} />;
  const entries = new Map(a.entries.map((e) => [e.code, e]));
  const own = new Map(a.self.nodes.map((n) => [n.code, n]));
  const node = leaves[index];
  const entry = node ? entries.get(node.code) : undefined;
  const status = a.participation.status;
  const canAppraise =
    user?.role === 'appraiser' &&
    a.period.status === 'open' &&
    ((status === 'submitted' && a.windows.find((w) => w.kind === 'appraisal')?.open === true) ||
      (status === 'appraised' && a.windows.find((w) => w.kind === 'explanation')?.open === true));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Thẩm định: {a.unit.name}</Title>
          <Text c="dimmed">
            {a.period.name} — {a.participation.statusLabel}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Text size="sm">
            Tự chấm <b>{points(a.self.points)}</b> ({percent(a.self.percent)}) — Thẩm định{' '}
            <b>{points(a.appraised?.points)}</b> ({percent(a.appraised?.percent)})
          </Text>
          <Group gap="xs">
            <SelfAssessmentReportLink assessment={a} ownUnit={false} />
            <AppraisalRecordLink assessment={a} />
          </Group>
          {canAppraise && (
            <FinaliseButton
              assessment={a}
              busy={finalise.isPending}
              onConfirm={() => finalise.mutate()}
            />
          )}
        </Stack>
      </Group>
      <Text size="xs" c="dimmed">
        Phím tắt: <Kbd>j</Kbd>/<Kbd>↓</Kbd> tiêu chí sau, <Kbd>k</Kbd>/<Kbd>↑</Kbd> tiêu chí trước,{' '}
        <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> lưu và sang tiêu chí sau.
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Card withBorder padding={0}>
            <ScrollArea.Autosize mah="75vh">
              <nav aria-label="Các tiêu chí thẩm định">
                {leaves.map((leaf, i) => {
                  const e = entries.get(leaf.code);
                  return (
                    <NavLink
                      key={leaf.code}
                      active={i === index}
                      label={`${leaf.code} ${leaf.title}`}
                      description={`Tự chấm ${selfText(own.get(leaf.code))} — ${appraisedText(e)}`}
                      rightSection={
                        e?.response ? (
                          <Badge size="xs" color="orange">
                            giải trình
                          </Badge>
                        ) : e?.appraisal?.supplementDeadline ? (
                          <Badge size="xs" color="orange">
                            bổ sung
                          </Badge>
                        ) : null
                      }
                      onClick={() => go(i)}
                    />
                  );
                })}
              </nav>
            </ScrollArea.Autosize>
          </Card>
        </Grid.Col>
        {node && entry && (
          <>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SelfSide node={node} entry={entry} assessment={a} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <AppraisalForm
                // Keyed by leaf only: a save that lost a race reloads the stored version and
                // keeps what the appraiser typed on screen, with the message why.
                key={node.code}
                assessment={a}
                node={node}
                entry={entry}
                canAppraise={canAppraise}
                firstRound={status === 'submitted'}
                onNext={() => go(index + 1)}
              />
            </Grid.Col>
          </>
        )}
      </Grid>
    </Stack>
  );
}

function SelfSide({
  node,
  entry,
  assessment,
}: {
  node: FrameworkNodeView;
  entry: EntryView;
  assessment: Assessment;
}) {
  const self = assessment.self.nodes.find((n) => n.code === node.code);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {node.code}. {node.title} (tối đa {points(node.maxPoints)})
        </Title>
        {node.ruleText && (
          <Text size="xs" c="dimmed">
            Cách chấm: {node.ruleText}
          </Text>
        )}
        {/* A leaf fed by lower units' results or statistics shows where its points come from. */}
        {entry.lowerUnitsFeed ? (
          <LowerUnitsFeed feed={entry.lowerUnitsFeed} leafPoints={self?.points} />
        ) : (
          <Text>
            {entry.statisticFeed ? 'Điểm theo số liệu' : 'Đơn vị tự chấm'}: <b>{selfText(self)}</b>
          </Text>
        )}
        {entry.statisticFeed && <StatisticFeed feed={entry.statisticFeed} />}
        {entry.facts && !entry.lowerUnitsFeed && !entry.statisticFeed && (
          <SelfFacts
            node={node}
            facts={entry.facts}
            pointsDecimals={assessment.framework.pointsDecimals}
          />
        )}
        {entry.explanation && <Text size="sm">Giải trình: {entry.explanation}</Text>}
        {entry.response && (
          <Text size="sm" c="orange.9">
            Đơn vị giải trình ý kiến thẩm định: {entry.response}
          </Text>
        )}
        <EvidenceViewer linked={entry.evidence} library={assessment.evidence} />
      </Stack>
    </Card>
  );
}

/** The unit's figures in the same inputs it filled, read-only, with the core's working. */
function SelfFacts({
  node,
  facts,
  pointsDecimals,
}: {
  node: FrameworkNodeView;
  facts: Facts;
  pointsDecimals: number;
}) {
  const rule = useMemo(() => (node.rule ? ruleSchema.parse(node.rule) : undefined), [node.rule]);
  const preview = usePreview(node, facts, pointsDecimals);
  if (!rule) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Số liệu đơn vị kê khai
      </Text>
      <RuleInputs rule={rule} facts={facts} onChange={() => undefined} disabled />
      {preview.text && (
        <Text size="sm" c="dimmed">
          Tính theo số liệu: {preview.text}
        </Text>
      )}
    </Stack>
  );
}
