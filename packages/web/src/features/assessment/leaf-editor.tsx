import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { ruleSchema } from '@chiso/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { keys } from '../../api/hooks';
import type { Assessment, EntryView, FrameworkNodeView } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { dateTime, points } from '../../lib/format';
import { EvidencePanel } from './evidence-panel';
import { TaskEvidence } from './task-evidence';
import { LeafHistory } from './leaf-history';
import { LowerUnitsFeed } from './lower-units-feed';
import { PreviousPoints } from './previous-points';
import { ServedTasks } from './served-tasks';
import { StatisticFeed } from './statistic-feed';
import { RuleInputs, type Facts } from './rule-inputs';
import { usePreview } from './use-preview';

interface Props {
  assessment: Assessment;
  node: FrameworkNodeView;
  entry: EntryView;
  canEditSelf: boolean;
  canRespond: boolean;
}

export function LeafEditor({ assessment, node, entry, canEditSelf, canRespond }: Props) {
  const client = useQueryClient();
  const base = `/periods/${assessment.period.id}/units/${assessment.unit.id}`;
  const [facts, setFacts] = useState<Facts>(entry.facts ?? {});
  const [explanation, setExplanation] = useState(entry.explanation ?? '');
  const [response, setResponse] = useState(entry.response ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // A different leaf, or a reload after someone else saved: start from what is stored.
  useEffect(() => {
    setFacts(entry.facts ?? {});
    setExplanation(entry.explanation ?? '');
    setResponse(entry.response ?? '');
    setError(null);
  }, [entry.code, entry.version, entry.facts, entry.explanation, entry.response]);
  const preview = usePreview(node, facts, assessment.framework.pointsDecimals);
  const rule = useMemo(() => (node.rule ? ruleSchema.parse(node.rule) : undefined), [node.rule]);
  const reload = () =>
    Promise.all([
      client.invalidateQueries({
        queryKey: keys.assessment(assessment.period.id, assessment.unit.id),
      }),
      // An open history shows the save just made.
      client.invalidateQueries({
        queryKey: ['history', assessment.period.id, assessment.unit.id],
      }),
    ]);

  const save = async (body: unknown, path = '', message = `Đã lưu tiêu chí ${node.code}`) => {
    setSaving(true);
    setError(null);
    try {
      await api('PUT', `${base}/entries/${node.code}${path}`, body);
      await reload();
      notifySaved(message);
    } catch (failure) {
      setError(failure);
      // Someone else saved first: their version is loaded, and what this person typed stays.
      if (failure instanceof ApiError && failure.code === 'CONFLICT') await reload();
    } finally {
      setSaving(false);
    }
  };

  const appraisal = entry.appraisal;
  // Fed leaves (surveys, lower units' results) are scored by the server; nobody enters them.
  const fed = entry.surveyFed || entry.lowerUnitsFeed !== undefined;
  const finalNode = assessment.appraised?.nodes.find((n) => n.code === node.code);
  const selfNode = assessment.self.nodes.find((n) => n.code === node.code);
  return (
    <Card withBorder padding="lg">
      <Stack>
        <div>
          <Group justify="space-between" align="flex-start">
            <Title order={3} size="h4">
              {node.code}. {node.title}
            </Title>
            <Badge variant="outline">Tối đa {points(node.maxPoints)} điểm</Badge>
          </Group>
          {node.ruleText && (
            <Text size="sm" c="dimmed">
              Cách chấm: {node.ruleText}
            </Text>
          )}
          {entry.previous && (
            <PreviousPoints
              previous={entry.previous}
              source={assessment.previousSource ?? null}
              unitId={assessment.unit.id}
            />
          )}
        </div>
        {node.guidance && (
          <Alert color="blue" title="Hướng dẫn">
            {node.guidance}
          </Alert>
        )}
        {node.evidence.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Tài liệu kiểm chứng cần có
            </Text>
            <List size="sm">
              {node.evidence.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          </div>
        )}
        {appraisal?.supplementDeadline && (
          <Alert
            color="orange"
            title={`Tổ thẩm định yêu cầu bổ sung trước ${dateTime(appraisal.supplementDeadline, true)}`}
          >
            {appraisal.supplementNote ?? appraisal.comment}
          </Alert>
        )}
        {entry.surveyFed && (
          <Alert color="grape" title="Điểm do khảo sát xã hội học">
            Điểm tiêu chí này được tính từ phiếu khảo sát của các nhóm đối tượng, theo công thức của
            bộ chỉ số; đơn vị không tự chấm. Xem ở mục Khảo sát, phần kết quả.
          </Alert>
        )}
        {entry.lowerUnitsFeed && (
          <LowerUnitsFeed feed={entry.lowerUnitsFeed} leafPoints={selfNode?.points} />
        )}
        {entry.statisticFeed && <StatisticFeed feed={entry.statisticFeed} />}
        {entry.statisticFeed && selfNode?.explanation && (
          <Text size="sm" fw={600}>
            Điểm của tiêu chí: {selfNode.explanation}
          </Text>
        )}
        {entry.tasks && !fed && !entry.statisticFeed && (
          <ServedTasks
            unitId={assessment.unit.id}
            served={entry.tasks}
            current={facts[entry.tasks.fact]}
            disabled={!canEditSelf}
            onUse={(fact, value) => setFacts({ ...facts, [fact]: value })}
          />
        )}
        {rule && !fed && !entry.statisticFeed && (
          <RuleInputs rule={rule} facts={facts} onChange={setFacts} disabled={!canEditSelf} />
        )}
        <div aria-live="polite">
          {preview.text && !fed && (
            <Text fw={600} c="red.8">
              Điểm tạm tính: {preview.text}
            </Text>
          )}
          {preview.problems.map((p) => (
            <Text key={p} size="sm" c="red">
              {p}
            </Text>
          ))}
        </div>
        {!fed && (
          <Textarea
            label="Giải trình"
            description="Bắt buộc khi có điểm mà chưa có tài liệu kiểm chứng hoặc tài liệu chưa đầy đủ"
            value={explanation}
            onChange={(e) => setExplanation(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={!canEditSelf}
          />
        )}
        {canEditSelf && !fed && (
          <Group>
            <Button
              onClick={() =>
                void save({
                  facts: Object.keys(facts).length > 0 ? facts : null,
                  explanation,
                  version: entry.version,
                })
              }
              loading={saving}
            >
              Lưu tiêu chí {node.code}
            </Button>
            {entry.selfPoints !== null && (
              <Text size="sm" c="dimmed">
                Đã lưu: {points(entry.selfPoints)} điểm
              </Text>
            )}
          </Group>
        )}
        <ErrorMessage error={error} title="Chưa lưu được" />
        <EvidencePanel
          base={base}
          code={node.code}
          linked={entry.evidence}
          library={assessment.evidence}
          taskFiles={assessment.taskEvidence}
          canEdit={assessment.canAddEvidence && (canEditSelf || canRespond)}
          onChanged={reload}
        />
        <TaskEvidence
          base={base}
          code={node.code}
          unitId={assessment.unit.id}
          offered={entry.taskEvidence}
          canEdit={assessment.canAddEvidence && (canEditSelf || canRespond)}
          onChanged={reload}
        />
        {appraisal?.kind && (
          <Card withBorder bg={appraisal.disputed ? 'orange.0' : 'green.0'}>
            <Stack gap="xs">
              <Text fw={600}>
                Kết quả thẩm định: {appraisal.kindLabel}
                {appraisal.disputed ? ' — khác kết quả tự đánh giá' : ''}
              </Text>
              {finalNode?.explanation && <Text size="sm">{finalNode.explanation}</Text>}
              {appraisal.comment && <Text size="sm">Lý do: {appraisal.comment}</Text>}
              {(canRespond || entry.response) && (
                <>
                  <Textarea
                    label="Giải trình ý kiến thẩm định"
                    value={response}
                    onChange={(e) => setResponse(e.currentTarget.value)}
                    autosize
                    minRows={2}
                    disabled={!canRespond}
                  />
                  {canRespond && (
                    <Group>
                      <Button
                        variant="filled"
                        color="orange"
                        loading={saving}
                        onClick={() =>
                          void save(
                            { response, version: entry.version },
                            '/response',
                            'Đã gửi giải trình',
                          )
                        }
                      >
                        Gửi giải trình
                      </Button>
                    </Group>
                  )}
                </>
              )}
            </Stack>
          </Card>
        )}
        <LeafHistory periodId={assessment.period.id} unitId={assessment.unit.id} code={node.code} />
      </Stack>
    </Card>
  );
}
