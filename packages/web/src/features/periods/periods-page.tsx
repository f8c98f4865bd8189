import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { keys, useFrameworks, usePeriods, useUnits } from '../../api/hooks';
import type { FrameworkRow, PeriodSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { date } from '../../lib/format';
import { emptyWindows, filledWindows, WindowFields } from './window-fields';

export default function PeriodsPage() {
  const { user } = useSession();
  const periods = usePeriods();
  if (periods.isPending) return <Loading />;
  if (periods.error) return <ErrorMessage error={periods.error} />;
  return (
    <Stack>
      <Title order={2}>Kỳ đánh giá</Title>
      <Table striped withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kỳ đánh giá</Table.Th>
            <Table.Th>Năm</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th>Quyết định của Hội đồng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/ky-danh-gia/${p.id}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.year}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={p.status === 'published' ? 'green' : 'blue'}>
                  {p.statusLabel}
                </Badge>
              </Table.Td>
              <Table.Td>
                {p.councilDecisionNumber
                  ? `${p.councilDecisionNumber} ngày ${date(p.councilDecisionDate)}`
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {user?.role === 'administrator' && <NewPeriod existing={periods.data} />}
    </Stack>
  );
}

/** Opens a period: a framework for each unit type, and the windows (Vietnam time). */
function NewPeriod({ existing }: { existing: PeriodSummary[] }) {
  const frameworks = useFrameworks();
  const units = useUnits();
  const navigate = useNavigate();
  const client = useQueryClient();
  // An index is assessed from the end of its year into the next: in the first half of a year the
  // period to open is most likely last year's.
  const today = new Date();
  const guess = today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear();
  const nextYear = existing.some((p) => p.year >= guess)
    ? Math.max(...existing.map((p) => p.year)) + 1
    : guess;
  const [name, setName] = useState(`Chỉ số CCHC năm ${nextYear}`);
  const [year, setYear] = useState<number | string>(nextYear);
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [windows, setWindows] = useState(emptyWindows);
  const create = useMutation({
    mutationFn: () =>
      api<{ id: string }>('POST', '/periods', {
        name,
        year: Number(year),
        frameworks: Object.fromEntries(
          Object.entries(chosen).filter((e): e is [string, string] => Boolean(e[1])),
        ),
        windows: filledWindows(windows),
      }),
    onSuccess: async (period) => {
      await client.invalidateQueries({ queryKey: keys.periods });
      notifySaved('Đã mở kỳ đánh giá');
      await navigate(`/ky-danh-gia/${period.id}`);
    },
  });
  if (frameworks.isPending || units.isPending) return <Loading />;
  const types = [
    ...new Set(
      (units.data?.units ?? [])
        .filter((u) => !u.activeTo || u.activeTo >= `${String(year)}-01-01`)
        .map((u) => u.type),
    ),
  ];
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Mở kỳ đánh giá mới</Title>
        <Group grow>
          <TextInput
            label="Tên kỳ đánh giá"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <NumberInput label="Năm đánh giá" value={year} onChange={setYear} min={2000} max={2100} />
        </Group>
        <Text fw={600}>Bộ chỉ số theo loại đơn vị</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {types.map((type) => (
            <Select
              key={type}
              label={unitTypeLabel(type)}
              placeholder="Không đánh giá loại đơn vị này"
              clearable
              data={(frameworks.data ?? [])
                .filter((f) => f.unitType === type)
                .map((f) => ({
                  value: f.id,
                  label: `${f.name} (${f.year})${f.reviewStatus === 'needsReview' ? ' — chưa rà soát' : ''}`,
                }))}
              value={chosen[type] ?? null}
              onChange={(value) => setChosen((c) => ({ ...c, [type]: value }))}
            />
          ))}
        </SimpleGrid>
        <Text fw={600}>Thời gian các bước (giờ Việt Nam)</Text>
        <WindowFields value={windows} onChange={setWindows} />
        <ErrorMessage error={create.error} />
        <ReviewLinks error={create.error} frameworks={frameworks.data ?? []} />
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Mở kỳ đánh giá
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const REVIEW_PAGE = /\/bo-chi-so\/([0-9a-f-]{36})/;

/** A copied framework not yet reviewed is refused; the message names its page, linked here. */
function ReviewLinks({ error, frameworks }: { error: unknown; frameworks: FrameworkRow[] }) {
  if (!(error instanceof ApiError)) return null;
  const ids = [
    ...new Set(error.issues.flatMap((issue) => REVIEW_PAGE.exec(issue.message)?.[1] ?? [])),
  ];
  if (ids.length === 0) return null;
  return (
    <Group gap="md">
      {ids.map((id) => (
        <Anchor key={id} component={Link} to={`/bo-chi-so/${id}`}>
          Rà soát “{frameworks.find((f) => f.id === id)?.name ?? 'bộ chỉ số'}”
        </Anchor>
      ))}
    </Group>
  );
}
