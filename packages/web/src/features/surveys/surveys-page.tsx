import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Role } from '@chiso/core/access/policy.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { usePeriods } from '../../api/hooks';
import type { Recomputed } from '@chiso/contract';
import type { PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { dateTime } from '../../lib/format';
import { statusColorOf, statusLabelOf, useSurveys, type SurveySummary } from './api';
import { Collected } from './collected';

// The editor and the import check questionnaires with the core (and zod): only administrators
// load them, not the clerks and units who only read the list.
const CreateSurvey = lazy(() => import('./new-survey').then((m) => ({ default: m.CreateSurvey })));
const ImportSurvey = lazy(() => import('./new-survey').then((m) => ({ default: m.ImportSurvey })));

const KIND_SHORT: Record<SurveySummary['kind'], string> = {
  par: 'Điều tra xã hội học',
  sipas: 'SIPAS',
};

const RESULT_ROLES: Role[] = ['administrator', 'councilMember', 'unitOfficer', 'unitHead'];

/** The newest period still being assessed, else the newest (the API lists newest first). */
function defaultPeriod(periods: PeriodSummary[]): string | null {
  return (periods.find((p) => p.status === 'open') ?? periods[0])?.id ?? null;
}

export default function SurveysPage() {
  const { user } = useSession();
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('ky');
  const periodId =
    chosen && periods.data?.some((p) => p.id === chosen)
      ? chosen
      : defaultPeriod(periods.data ?? []);
  if (periods.isPending) return <Loading />;
  if (periods.error) return <ErrorMessage error={periods.error} />;
  const admin = user?.role === 'administrator';
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Khảo sát</Title>
        <Select
          label="Kỳ đánh giá"
          data={periods.data.map((p) => ({ value: p.id, label: `${p.name} (${p.statusLabel})` }))}
          value={periodId}
          onChange={(value) => value && setParams({ ky: value }, { replace: true })}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      {periodId === null && <Text>Chưa có kỳ đánh giá nào.</Text>}
      {periodId !== null && (
        <>
          <Group>
            {user && RESULT_ROLES.includes(user.role) && (
              <Button component={Link} to={`/khao-sat/ket-qua/${periodId}`} variant="default">
                Kết quả khảo sát
              </Button>
            )}
            {admin && <Recompute periodId={periodId} />}
          </Group>
          <SurveyList periodId={periodId} admin={admin} clerk={user?.role === 'surveyClerk'} />
          {admin && (
            <Suspense fallback={<Loading />}>
              <CreateSurvey key={`create-${periodId}`} periodId={periodId} />
              <ImportSurvey key={`import-${periodId}`} periodId={periodId} />
            </Suspense>
          )}
        </>
      )}
    </Stack>
  );
}

function SurveyList({
  periodId,
  admin,
  clerk,
}: {
  periodId: string;
  admin: boolean;
  clerk: boolean;
}) {
  const surveys = useSurveys(periodId);
  if (surveys.isPending) return <Loading />;
  if (surveys.error) return <ErrorMessage error={surveys.error} />;
  if (surveys.data.length === 0) {
    return (
      <Card withBorder>
        <Text>
          Kỳ này chưa có phiếu khảo sát.
          {admin && ' Tạo phiếu bên dưới hoặc nhập từ tệp Excel.'}
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover aria-label="Các phiếu khảo sát của kỳ">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Phiếu</Table.Th>
              <Table.Th>Loại phiếu</Table.Th>
              <Table.Th>Nhóm đối tượng</Table.Th>
              <Table.Th>Đơn vị được đánh giá</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th miw={180}>Số phiếu / chỉ tiêu</Table.Th>
              {(admin || clerk) && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {surveys.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {admin ? (
                    <Anchor component={Link} to={`/khao-sat/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {s.name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {s.questionCount} câu hỏi
                  </Text>
                </Table.Td>
                <Table.Td>{KIND_SHORT[s.kind]}</Table.Td>
                <Table.Td>{s.groupLabel}</Table.Td>
                <Table.Td>{unitTypeLabel(s.ratedUnitType)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={`${statusColorOf(s)}.8`}>
                    {statusLabelOf(s)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Collected responses={s.responses} target={s.target} />
                </Table.Td>
                {(admin || clerk) && (
                  <Table.Td>
                    {s.status === 'open' && s.answersRefused === null && (
                      <Button
                        component={Link}
                        to={`/khao-sat/${s.id}/nhap-phieu`}
                        size="compact-sm"
                        variant="light"
                        aria-label={`Nhập phiếu: ${s.name}`}
                      >
                        Nhập phiếu
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Counts the answers again (tallies); results pages then show the new figures. */
function Recompute({ periodId }: { periodId: string }) {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => api<Recomputed>('POST', `/periods/${periodId}/surveys/recompute`),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['surveys'] });
      await client.invalidateQueries({ queryKey: ['survey-results', periodId] });
      notifySaved(`Đã tính lại từ ${result.responses} phiếu lúc ${dateTime(result.computedAt)}`);
    },
    onError: notifyError,
  });
  return (
    <Button variant="default" onClick={() => run.mutate()} loading={run.isPending}>
      Tính lại kết quả khảo sát
    </Button>
  );
}
