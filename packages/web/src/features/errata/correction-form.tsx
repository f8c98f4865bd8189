import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useAssessment } from '../../api/hooks';
import type { Assessment, EntryView, FrameworkNodeView, PeriodDetail } from '../../api/types';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { OutcomeForm, outcomeBody, useOutcomeState } from '../appraisal/outcome-form';

export const erratumKey = (periodId: string) => ['errata', periodId] as const;

/** The administrator picks a unit and a leaf, then sets its right outcome with a reason. */
export function CorrectionForm({ period }: { period: PeriodDetail }) {
  const [unitId, setUnitId] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Title order={4}>Sửa kết quả một tiêu chí</Title>
      <Text size="sm" c="dimmed">
        Sửa đổi chưa thay đổi kết quả đã công bố cho đến khi ban hành đính chính.
      </Text>
      <Group grow align="flex-start">
        <Select
          label="Đơn vị"
          placeholder="Chọn đơn vị"
          searchable
          data={period.units.map((u) => ({ value: u.unitId, label: u.name }))}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            setCode(null);
          }}
        />
        {unitId && (
          <LeafSelect periodId={period.id} unitId={unitId} code={code} onChange={setCode} />
        )}
      </Group>
      {unitId && code && <CorrectLeaf periodId={period.id} unitId={unitId} code={code} />}
    </Stack>
  );
}

function LeafSelect({
  periodId,
  unitId,
  code,
  onChange,
}: {
  periodId: string;
  unitId: string;
  code: string | null;
  onChange: (code: string | null) => void;
}) {
  const assessment = useAssessment(periodId, unitId);
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorMessage error={assessment.error} />;
  const leaves = assessment.data.framework.nodes.filter((n) => n.isLeaf);
  return (
    <Select
      label="Tiêu chí"
      placeholder="Chọn tiêu chí"
      searchable
      data={leaves.map((n) => ({ value: n.code, label: `${n.code}. ${n.title}` }))}
      value={code}
      onChange={onChange}
    />
  );
}

function CorrectLeaf({
  periodId,
  unitId,
  code,
}: {
  periodId: string;
  unitId: string;
  code: string;
}) {
  const assessment = useAssessment(periodId, unitId);
  if (!assessment.data) return null;
  const node = assessment.data.framework.nodes.find((n) => n.code === code);
  const entry = assessment.data.entries.find((e) => e.code === code);
  if (!node || !entry) return null;
  return (
    <CorrectionEditor
      key={`${code}-${entry.version}`}
      assessment={assessment.data}
      node={node}
      entry={entry}
    />
  );
}

function CorrectionEditor({
  assessment,
  node,
  entry,
}: {
  assessment: Assessment;
  node: FrameworkNodeView;
  entry: EntryView;
}) {
  const client = useQueryClient();
  const [state, setState] = useOutcomeState(entry, false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const final = assessment.appraised?.nodes.find((n) => n.code === node.code);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(
        'PUT',
        `/periods/${assessment.period.id}/units/${assessment.unit.id}/entries/${node.code}/correction`,
        { ...outcomeBody(state, 'reason'), version: entry.version },
      );
      await client.invalidateQueries({
        queryKey: keys.assessment(assessment.period.id, assessment.unit.id),
      });
      await client.invalidateQueries({ queryKey: erratumKey(assessment.period.id) });
      notifySaved(
        `Đã sửa tiêu chí ${node.code} của ${assessment.unit.name}; chưa ban hành đính chính`,
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      {final?.explanation && (
        <Text size="sm">
          Kết quả đang tính: <b>{final.explanation}</b>
        </Text>
      )}
      <OutcomeForm
        node={node}
        entry={entry}
        pointsDecimals={assessment.framework.pointsDecimals}
        state={state}
        onChange={setState}
        disabled={busy}
        reasonLabel="Lý do sửa (bắt buộc; đơn vị và người đọc kết quả đều thấy)"
      />
      <ErrorMessage error={error} title="Chưa lưu được" />
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={state.reason.trim() === ''}>
          Lưu sửa đổi
        </Button>
      </Group>
    </Stack>
  );
}
