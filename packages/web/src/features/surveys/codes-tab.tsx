import {
  Button,
  Card,
  Group,
  NumberInput,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { date } from '../../lib/format';
import type { SurveyCodes } from '@chiso/contract';
import { showCode, surveyKeys, useCodes, type CodeView, type SurveyDetail } from './api';
import { CodeCards, PrintCodeCards } from './code-cards';
import { useSurveyUnits, type SurveyUnit } from './survey-units';

/** Codes per page of the list; also what one print run holds (a multiple of 2 and 3 per row). */
const PAGE = 120;

type Answered = 'all' | 'false' | 'true';

/** Personal codes: issue them per unit, follow who has not answered, print cards with QR codes. */
export function CodesTab({ survey }: { survey: SurveyDetail }) {
  const { units, loading } = useSurveyUnits(survey);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [answered, setAnswered] = useState<Answered>('all');
  const [page, setPage] = useState(1);
  const [view, setView] = useState<'table' | 'cards'>('table');
  const [printing, setPrinting] = useState(false);
  const codes = useCodes(survey.id, unitId, answered === 'all' ? null : answered);
  if (loading) return <Loading />;
  const all = codes.data ?? [];
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  const shown = all.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const filter = new URLSearchParams();
  if (unitId) filter.set('unitId', unitId);
  if (answered !== 'all') filter.set('answered', answered);
  const xlsx = `/api/surveys/${survey.id}/codes.xlsx${filter.toString() ? `?${filter.toString()}` : ''}`;
  return (
    <Stack>
      <IssueCodes survey={survey} units={units} />
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Đơn vị"
          placeholder="Mọi đơn vị"
          data={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            setPage(1);
          }}
          clearable
          searchable
          w={{ base: '100%', sm: 300 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="loc-tra-loi">
            Tình trạng
          </Text>
          <SegmentedControl
            aria-labelledby="loc-tra-loi"
            value={answered}
            onChange={(value) => {
              setAnswered(value);
              setPage(1);
            }}
            data={[
              { value: 'all', label: 'Tất cả' },
              { value: 'false', label: 'Chưa trả lời' },
              { value: 'true', label: 'Đã trả lời' },
            ]}
          />
        </Stack>
        <Button component="a" href={xlsx} variant="default">
          Tải danh sách mã (.xlsx)
        </Button>
      </Group>
      {codes.isPending && <Loading />}
      <ErrorMessage error={codes.error} />
      {codes.data && (
        <>
          <Group justify="space-between">
            <Text size="sm">
              {all.length} mã
              {pages > 1 && `, trang ${Math.min(page, pages)}/${pages} (${PAGE} mã một trang)`}
            </Text>
            <Group gap="xs">
              <SegmentedControl
                aria-label="Cách xem"
                size="xs"
                value={view}
                onChange={(value) => setView(value === 'cards' ? 'cards' : 'table')}
                data={[
                  { value: 'table', label: 'Bảng' },
                  { value: 'cards', label: 'Thẻ mã' },
                ]}
              />
              <Button size="xs" onClick={() => setPrinting(true)} disabled={shown.length === 0}>
                In thẻ mã ({shown.length})
              </Button>
            </Group>
          </Group>
          {view === 'table' ? (
            <CodesTable codes={shown} />
          ) : (
            <CodeCards surveyName={survey.name} codes={shown} />
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'previous'
                    ? 'Trang trước'
                    : control === 'next'
                      ? 'Trang sau'
                      : control,
              })}
            />
          )}
          {printing && (
            <PrintCodeCards
              surveyName={survey.name}
              codes={shown}
              onDone={() => setPrinting(false)}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function CodesTable({ codes }: { codes: CodeView[] }) {
  if (codes.length === 0) return <Text c="dimmed">Không có mã nào.</Text>;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={700}>
        <Table striped aria-label="Mã phiếu">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mã</Table.Th>
              <Table.Th>Đơn vị được đánh giá</Table.Th>
              <Table.Th>Người nhận</Table.Th>
              <Table.Th>Ngày cấp</Table.Th>
              <Table.Th>Trả lời</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {codes.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {showCode(c.code)}
                </Table.Td>
                <Table.Td>{c.unitName}</Table.Td>
                <Table.Td>
                  {c.respondentName ?? '—'}
                  {c.respondentInfo && (
                    <Text size="xs" c="dimmed">
                      {c.respondentInfo}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{date(c.issuedAt)}</Table.Td>
                <Table.Td>
                  {c.answeredOn ? (
                    <Text size="sm" c="green.8">
                      đã trả lời {date(c.answeredOn)}
                    </Text>
                  ) : (
                    <Text size="sm" c="orange.8">
                      chưa trả lời
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function IssueCodes({ survey, units }: { survey: SurveyDetail; units: SurveyUnit[] }) {
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [count, setCount] = useState<number | string>(50);
  const issue = useMutation({
    mutationFn: () =>
      api<SurveyCodes>('POST', `/surveys/${survey.id}/codes`, {
        unitId,
        count: Number(count),
      }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['surveys', survey.id, 'codes'] });
      await client.invalidateQueries({ queryKey: surveyKeys.detail(survey.id) });
      notifySaved(`Đã cấp ${result.codes.length} mã phiếu`);
    },
  });
  const chosen = survey.targets.find((t) => t.unitId === unitId);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Cấp mã phiếu
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Đơn vị được đánh giá"
          placeholder="Chọn đơn vị"
          data={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            const target = survey.targets.find((t) => t.unitId === value);
            if (target && target.target > target.codes) setCount(target.target - target.codes);
          }}
          searchable
          w={{ base: '100%', sm: 300 }}
        />
        <NumberInput
          label="Số mã"
          value={count}
          onChange={setCount}
          min={1}
          max={5000}
          allowDecimal={false}
          w={140}
        />
        <Button
          onClick={() => issue.mutate()}
          loading={issue.isPending}
          disabled={!unitId || !(Number(count) >= 1)}
        >
          Cấp mã
        </Button>
      </Group>
      {chosen && (
        <Text size="sm" c="dimmed" mt="xs">
          Chỉ tiêu {chosen.target} phiếu; đã cấp {chosen.codes} mã, {chosen.answeredCodes} mã đã
          được dùng.
        </Text>
      )}
      <ErrorMessage error={issue.error} />
    </Card>
  );
}
