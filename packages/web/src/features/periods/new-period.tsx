import {
  Anchor,
  Alert,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { activeInYear, pastWindowWarnings } from '@chiso/core/periods/new-period.js';
import { WINDOW_KINDS } from '@chiso/core/periods/windows.js';
import { parseVietnamTime } from '@chiso/core/time/vietnam-time.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { keys, useFrameworks, useUnits } from '../../api/hooks';
import type { CreatedPeriod, FrameworkRow, PeriodSummary } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { useNow } from '../../components/use-now';
import { UnitsPicker } from './units-picker';
import { emptyWindows, filledWindows, WindowFields, type WindowTexts } from './window-fields';

/** The closes typed so far that parse, for the past-window warning as the administrator types. */
function typedCloses(windows: WindowTexts) {
  const closes: Partial<Record<(typeof WINDOW_KINDS)[number], { closesAt: number }>> = {};
  for (const kind of WINDOW_KINDS) {
    const ms = parseVietnamTime(windows[kind].closesAt.trim());
    if (ms !== undefined) closes[kind] = { closesAt: ms };
  }
  return closes;
}

/**
 * Opens a period: a framework for each unit type, the units taking part (all active ones of
 * those types unless some are unticked), and the windows (Vietnam time). A window that has
 * already closed is allowed (a period recorded after the fact) but warned about, and asked
 * again before saving.
 */
export function NewPeriod({ existing }: { existing: PeriodSummary[] }) {
  const frameworks = useFrameworks();
  const units = useUnits();
  const navigate = useNavigate();
  const client = useQueryClient();
  const now = useNow();
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
  // Units left out, rather than units taken: the default (every active unit) follows the
  // year and the types chosen without resetting what the administrator unticked.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const numericYear = Number(year);
  const active = (units.data?.units ?? []).filter((u) => activeInYear(u, numericYear));
  const types = [...new Set(active.map((u) => u.type))];
  const assessedTypes = types.filter((type) => Boolean(chosen[type]));
  const candidates = active.filter((u) => assessedTypes.includes(u.type));
  const unitIds = candidates.filter((u) => !excluded.has(u.id)).map((u) => u.id);
  const warnings = pastWindowWarnings(typedCloses(windows), now);
  const create = useMutation({
    mutationFn: () =>
      api<CreatedPeriod>('POST', '/periods', {
        name,
        year: numericYear,
        frameworks: Object.fromEntries(
          Object.entries(chosen).filter(
            (e): e is [string, string] => Boolean(e[1]) && types.includes(e[0]),
          ),
        ),
        windows: filledWindows(windows),
        unitIds,
      }),
    onSuccess: async (period) => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: keys.periods });
      notifySaved('Đã mở kỳ đánh giá');
      await navigate(`/ky-danh-gia/${period.id}`);
    },
    onError: () => setConfirming(false),
  });
  if (frameworks.isPending || units.isPending) return <Loading />;
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
        <UnitsPicker
          year={numericYear}
          types={assessedTypes}
          units={candidates}
          excluded={excluded}
          onChange={setExcluded}
        />
        <Text fw={600}>Thời gian các bước (giờ Việt Nam)</Text>
        <WindowFields value={windows} onChange={setWindows} />
        {warnings.length > 0 && (
          <Alert color="orange" title="Có bước đã kết thúc" role="note">
            <List size="sm" spacing={2}>
              {warnings.map((w) => (
                <List.Item key={w.kind}>{w.message}.</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Vẫn mở được kỳ đánh giá (ví dụ để ghi nhận một kỳ đã diễn ra); kiểm tra lại nếu đó là
              lỗi nhập.
            </Text>
          </Alert>
        )}
        <ErrorMessage error={create.error} />
        <ReviewLinks error={create.error} frameworks={frameworks.data ?? []} />
        <Group>
          <Button
            onClick={() => (warnings.length > 0 ? setConfirming(true) : create.mutate())}
            loading={create.isPending && !confirming}
          >
            Mở kỳ đánh giá
          </Button>
          <Text size="sm" c="dimmed">
            {unitIds.length} đơn vị tham gia
          </Text>
        </Group>
        <ConfirmDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          title="Mở kỳ đánh giá có bước đã kết thúc?"
          effects={[
            `${name.trim()} được mở với ${unitIds.length} đơn vị tham gia.`,
            ...warnings.map((w) => `${w.message}.`),
          ]}
          confirmLabel="Vẫn mở kỳ đánh giá"
          color="orange"
          onConfirm={() => create.mutate()}
          loading={create.isPending}
        />
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
