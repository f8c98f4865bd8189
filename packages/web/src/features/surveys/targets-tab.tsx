import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Decimal } from '@chiso/core/decimal/decimal.js';
import { sampleSize } from '@chiso/core/surveys/sample-size.js';
import { parseCount } from '@chiso/core/validation/parse-input.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { Loading, notifySaved } from '../../components/feedback';
import { surveyKeys, type SurveyDetail } from './api';
import { SurveyError } from './survey-error';
import { useSurveyUnits } from './survey-units';

interface Row {
  population: string;
  target: string;
}

/** A count as typed, or undefined while empty; null when it is not a whole number. */
function count(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseCount(text);
  return parsed.ok ? parsed.value : null;
}

/** The margin of error as typed ("5", "2,5"), or undefined when it is not a usable %. */
function margin(text: string): Decimal | undefined {
  const parsed = Decimal.parse(text);
  if (!parsed.ok || parsed.value.units <= 0 || parsed.value.gt(Decimal.HUNDRED)) return undefined;
  return parsed.value;
}

/**
 * How many answers to collect per unit. The helper computes n = N ÷ (1 + N·e²) in the browser
 * with the core's own function, from the unit's population N and the margin e.
 */
export function TargetsTab({ survey }: { survey: SurveyDetail }) {
  const { units, loading } = useSurveyUnits(survey);
  const client = useQueryClient();
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      survey.targets.map((t) => [
        t.unitId,
        { population: t.population === null ? '' : String(t.population), target: String(t.target) },
      ]),
    ),
  );
  const [marginText, setMarginText] = useState('5');
  const e = margin(marginText);
  const save = useMutation({
    mutationFn: (targets: { unitId: string; target: number; population: number | null }[]) =>
      api<SurveyDetail>('PUT', `/surveys/${survey.id}/targets`, { targets }),
    onSuccess: async (updated) => {
      client.setQueryData(surveyKeys.detail(survey.id), updated);
      await client.invalidateQueries({ queryKey: surveyKeys.list(survey.periodId) });
      notifySaved('Đã lưu kế hoạch mẫu');
    },
  });
  if (loading) return <Loading />;

  const rowOf = (unitId: string): Row => rows[unitId] ?? { population: '', target: '' };
  const setRow = (unitId: string, patch: Partial<Row>) =>
    setRows((all) => ({ ...all, [unitId]: { ...rowOf(unitId), ...patch } }));
  const suggested = (unitId: string): number | undefined => {
    const n = count(rowOf(unitId).population);
    return typeof n === 'number' && e ? sampleSize(n, e) : undefined;
  };
  const applyAll = () =>
    setRows((all) => {
      const next = { ...all };
      for (const u of units) {
        const n = suggested(u.unitId);
        if (n !== undefined) next[u.unitId] = { ...rowOf(u.unitId), target: String(n) };
      }
      return next;
    });
  const invalid = units.some((u) => {
    const r = rowOf(u.unitId);
    return count(r.population) === null || count(r.target) === null;
  });
  const submit = () =>
    save.mutate(
      units.flatMap((u) => {
        const r = rowOf(u.unitId);
        const target = count(r.target);
        const population = count(r.population);
        if (target === undefined && population === undefined) return [];
        return [{ unitId: u.unitId, target: target ?? 0, population: population ?? null }];
      }),
    );
  const byUnit = new Map(survey.targets.map((t) => [t.unitId, t]));

  return (
    <Stack>
      <Card withBorder bg="gray.0">
        <Title order={4}>Tính cỡ mẫu</Title>
        <Text size="sm" c="dimmed" mb="xs">
          n = N ÷ (1 + N·e²), làm tròn lên; N là tổng thể của đơn vị (số người, số hồ sơ đã giải
          quyết…), e là sai số cho phép.
        </Text>
        <Group align="flex-end">
          <TextInput
            label="Sai số cho phép e (%)"
            value={marginText}
            onChange={(ev) => setMarginText(ev.currentTarget.value)}
            inputMode="decimal"
            error={e ? undefined : 'Nhập số lớn hơn 0 và không quá 100, ví dụ 5'}
            w={200}
          />
          <Button variant="default" onClick={applyAll} disabled={!e}>
            Áp dụng n cho mọi đơn vị có N
          </Button>
        </Group>
      </Card>
      {units.length === 0 ? (
        <Text>Kỳ này chưa có đơn vị nào thuộc loại được đánh giá.</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Kế hoạch mẫu theo đơn vị">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Đơn vị</Table.Th>
                  <Table.Th w={150}>Tổng thể N</Table.Th>
                  <Table.Th w={150}>Cỡ mẫu n</Table.Th>
                  <Table.Th w={150}>Chỉ tiêu (phiếu)</Table.Th>
                  <Table.Th ta="right">Đã thu</Table.Th>
                  <Table.Th ta="right">Mã đã phát / đã dùng</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((u) => {
                  const r = rowOf(u.unitId);
                  const n = suggested(u.unitId);
                  const stored = byUnit.get(u.unitId);
                  return (
                    <Table.Tr key={u.unitId}>
                      <Table.Td>{u.unitName}</Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Tổng thể N của ${u.unitName}`}
                          value={r.population}
                          inputMode="numeric"
                          onChange={(ev) =>
                            setRow(u.unitId, { population: ev.currentTarget.value })
                          }
                          error={count(r.population) === null ? 'Số nguyên' : undefined}
                        />
                      </Table.Td>
                      <Table.Td>
                        {n !== undefined ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setRow(u.unitId, { target: String(n) })}
                            aria-label={`Đặt chỉ tiêu của ${u.unitName} bằng ${n}`}
                          >
                            n = {n} → chỉ tiêu
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Chỉ tiêu số phiếu của ${u.unitName}`}
                          value={r.target}
                          inputMode="numeric"
                          onChange={(ev) => setRow(u.unitId, { target: ev.currentTarget.value })}
                          error={count(r.target) === null ? 'Số nguyên' : undefined}
                        />
                      </Table.Td>
                      <Table.Td ta="right">{stored?.responses ?? 0}</Table.Td>
                      <Table.Td ta="right">
                        {stored?.codes ?? 0} / {stored?.answeredCodes ?? 0}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <SurveyError error={save.error} title="Kế hoạch mẫu chưa lưu được" />
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={invalid || units.length === 0}>
          Lưu kế hoạch mẫu
        </Button>
      </Group>
    </Stack>
  );
}
