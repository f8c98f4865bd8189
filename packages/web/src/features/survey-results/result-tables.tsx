import { Card, Stack, Table, Text } from '@mantine/core';
import type { LeafRow, RateRow, SipasRow } from './api';
import { percentText, pointsText } from './api';
import { StateText } from '../../components/state-text';

const UNDER = 'var(--mantine-color-orange-0)';

function Empty({ children }: { children: string }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  );
}

/** Answers received against each unit's target, per questionnaire; short rows stand out. */
export function RatesTable({ rows }: { rows: RateRow[] }) {
  if (rows.length === 0) return <Empty>Chưa có phiếu khảo sát hoặc chỉ tiêu nào.</Empty>;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Tỷ lệ phản hồi theo phiếu và đơn vị">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Phiếu (nhóm đối tượng)</Table.Th>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th ta="right">Đã thu</Table.Th>
              <Table.Th ta="right">Chỉ tiêu</Table.Th>
              <Table.Th ta="right">Tỷ lệ</Table.Th>
              <Table.Th>Ghi chú</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const short = r.target > 0 && r.responses < r.target;
              return (
                <Table.Tr key={`${r.surveyId}-${r.unitId}`} bg={short ? UNDER : undefined}>
                  <Table.Td>
                    {r.surveyName}
                    <Text size="xs" c="dimmed">
                      {r.groupLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td ta="right">{r.responses}</Table.Td>
                  <Table.Td ta="right">{r.target > 0 ? r.target : '—'}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {percentText(r.rate)}
                  </Table.Td>
                  <Table.Td>
                    {short ? (
                      <Text size="sm" c="orange.9" fw={600}>
                        chưa đủ, thiếu {r.target - r.responses} phiếu
                      </Text>
                    ) : r.target > 0 ? (
                      <Text size="sm" c="green.8">
                        đủ chỉ tiêu
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        chưa đặt chỉ tiêu
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Points of the leaves fed by surveys: each group's mean answer score, then points out of max. */
export function LeavesTable({ rows }: { rows: LeafRow[] }) {
  if (rows.length === 0) return <Empty>Chưa có tiêu chí nào được chấm theo khảo sát.</Empty>;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Điểm tiêu chí khảo sát theo đơn vị">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th>Trung bình theo nhóm đối tượng</Table.Th>
              <Table.Th ta="right">Điểm / tối đa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.unitId}-${r.code}`}>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <b>{r.code}</b>. {r.title}
                  </Text>
                  {r.explanation && (
                    <Text size="xs" c="dimmed">
                      {r.explanation}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {r.groups.map((g) => (
                      <Text size="sm" key={g.group}>
                        {g.label}: <b>{percentText(g.mean)}</b>{' '}
                        <Text span size="xs" c="dimmed">
                          ({g.answers} câu trả lời, {g.responses} phiếu)
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {pointsText(r.points)} / {pointsText(r.max)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Whether a target is met, in words that wrap (a badge cut "Không đạt" to "KHÔ…"). */
function MetBadge({ met }: { met: boolean | null }) {
  if (met === null) return <StateText color="gray.7">chưa có số liệu</StateText>;
  return <StateText color={met ? 'green.8' : 'red.8'}>{met ? 'Đạt' : 'Không đạt'}</StateText>;
}

/** SIPAS per unit: each element's share of satisfied answers, the overall index and its target. */
export function SipasTable({ rows }: { rows: SipasRow[] }) {
  if (rows.length === 0) return <Empty>Kỳ này chưa có phiếu SIPAS.</Empty>;
  const columns = new Map<string, string>();
  for (const r of rows)
    for (const e of r.elements) if (!columns.has(e.key)) columns.set(e.key, e.label);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={560 + columns.size * 110}>
        <Table striped aria-label="Chỉ số SIPAS theo đơn vị">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Phiếu</Table.Th>
              {[...columns].map(([key, label]) => (
                <Table.Th key={key} ta="right" fz="xs" maw={140}>
                  {label}
                </Table.Th>
              ))}
              <Table.Th ta="right">Chỉ số chung</Table.Th>
              <Table.Th ta="right">Chỉ tiêu</Table.Th>
              <Table.Th>Kết quả</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const byKey = new Map(r.elements.map((e) => [e.key, e]));
              return (
                <Table.Tr key={`${r.surveyId}-${r.unitId}`}>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td>
                    {r.surveyName}
                    <Text size="xs" c="dimmed">
                      {r.mode === 'spot' ? 'Đột xuất' : 'Thường xuyên'} — {r.responses} phiếu
                    </Text>
                  </Table.Td>
                  {[...columns.keys()].map((key) => {
                    const e = byKey.get(key);
                    return (
                      <Table.Td
                        key={key}
                        ta="right"
                        title={
                          e ? `${e.satisfied} hài lòng / ${e.answered} câu trả lời` : undefined
                        }
                      >
                        {e ? percentText(e.percent) : ''}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" fw={700}>
                    {percentText(r.overall)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    trên {pointsText(r.target)}%
                  </Table.Td>
                  <Table.Td>
                    <MetBadge met={r.met} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
