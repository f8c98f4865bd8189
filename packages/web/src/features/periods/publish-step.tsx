import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatVietnamTime, parseVietnamTime } from '@chiso/core/time/vietnam-time.js';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { PeriodDetail } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { TimeInput } from '../../components/time-input';
import { useNow } from '../../components/use-now';
import { countdown, date, dateTime } from '../../lib/format';

/** A type's name inside a sentence: "sở, ban, ngành", but "UBND xã" keeps its capitals. */
const inSentence = (label: string) =>
  label.length > 1 && label[1] === label[1]?.toLowerCase()
    ? `${label[0]?.toLowerCase() ?? ''}${label.slice(1)}`
    : label;

/** "12 đơn vị (8 sở, ban, ngành; 4 UBND xã)". */
export function unitsByType(period: PeriodDetail): string {
  const byType = new Map<string, number>();
  for (const u of period.units) byType.set(u.type ?? '', (byType.get(u.type ?? '') ?? 0) + 1);
  const parts = [...byType]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${type ? inSentence(unitTypeLabel(type)) : 'đơn vị khác'}`);
  return `${period.units.length} đơn vị${parts.length > 1 ? ` (${parts.join('; ')})` : ''}`;
}

/** The text of the opening as typed, or undefined while it is not a time. */
const openingInstant = (text: string) => parseVietnamTime(text);

// A time within this margin of now is "now": the server opens the portal at the publication
// itself, so a minute spent reading the dialog does not make the default "in the past".
const NOW_MARGIN_MS = 60_000;

export const portalLink = (periodId: string) => `/cong-khai/${periodId}`;

/** The administrator publishes, and says from when the public portal shows the results. */
export function Publish({ period }: { period: PeriodDetail }) {
  const client = useQueryClient();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const [opening, setOpening] = useState(() => formatVietnamTime(Date.now()));
  const instant = openingInstant(opening);
  const atOnce = instant !== undefined && instant <= now + NOW_MARGIN_MS;
  const publish = useMutation({
    mutationFn: () =>
      api(
        'POST',
        `/periods/${period.id}/publish`,
        atOnce || instant === undefined ? {} : { publicFrom: new Date(instant).toISOString() },
      ),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      await client.invalidateQueries({ queryKey: keys.periods });
      notifySaved('Đã công bố kết quả');
    },
    onError: () => setConfirming(false),
  });
  const openingWords = atOnce
    ? 'ngay khi công bố'
    : instant === undefined
      ? ''
      : `từ ${formatVietnamTime(instant)} (giờ Việt Nam)`;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Công bố kết quả</Title>
        <Text>Kết quả sẽ được chốt cùng bộ chỉ số đã dùng và công khai cho mọi người.</Text>
        <Stack gap={4} maw={360}>
          <TimeInput label="Công khai trên cổng kết quả từ" value={opening} onChange={setOpening} />
          <Text size="xs" c="dimmed">
            Giờ Việt Nam. Để nguyên thời điểm hiện tại thì cổng kết quả công khai ngay khi công bố;
            hẹn một thời điểm sau thì trước đó người ngoài chưa xem được kết quả.
          </Text>
        </Stack>
        <ErrorMessage error={publish.error} />
        <Group>
          <Button
            color="green"
            onClick={() => setConfirming(true)}
            disabled={instant === undefined}
          >
            Công bố
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={`Công bố kết quả ${period.name}?`}
          effects={[
            <>
              Xếp hạng và điểm của <b>{unitsByType(period)}</b> được công khai cho mọi người trên
              trang Kết quả, kèm Quyết định {period.councilDecisionNumber} ngày{' '}
              {date(period.councilDecisionDate)}.
            </>,
            <>
              Cổng kết quả công khai (không cần đăng nhập) hiện kết quả <b>{openingWords}</b>.
            </>,
            'Kết quả được chốt cùng bộ chỉ số đã dùng và so sánh với kỳ đã công bố trước.',
          ]}
          irreversible="Kết quả đã công bố là kết quả chính thức: không sửa và không rút lại được."
          confirmLabel="Công bố kết quả"
          color="green"
          onConfirm={() => publish.mutate()}
          loading={publish.isPending}
        />
      </Stack>
    </Card>
  );
}

/**
 * After publication: when the portal opens (or opened), a link to it, and, while it has not
 * opened yet, moving the opening. Once open it stays open (the server refuses to hide it).
 */
export function PublicOpening({ period, admin }: { period: PeriodDetail; admin: boolean }) {
  const now = useNow();
  if (!period.publicFrom) return null;
  const opensAt = Date.parse(period.publicFrom);
  // Opened at publication (the server's clock said so) or since, by this browser's clock.
  const open = opensAt <= Math.max(now, Date.parse(period.publishedAt ?? ''));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>Cổng kết quả công khai</Title>
        <Text>
          {open ? (
            <>
              Kết quả đã công khai cho mọi người từ <b>{dateTime(period.publicFrom)}</b>.
            </>
          ) : (
            <>
              Cổng kết quả mở lúc <b>{dateTime(period.publicFrom)}</b> (giờ Việt Nam,{' '}
              {countdown(period.publicFrom, now)}); trước đó người ngoài chưa xem được kết quả.
            </>
          )}
        </Text>
        <Anchor component={Link} to={portalLink(period.id)}>
          {open ? 'Xem trang của kỳ trên cổng kết quả' : 'Trang của kỳ trên cổng kết quả (khi mở)'}
        </Anchor>
        {admin && !open && <MoveOpening period={period} />}
      </Stack>
    </Card>
  );
}

function MoveOpening({ period }: { period: PeriodDetail }) {
  const client = useQueryClient();
  const [text, setText] = useState(() => formatVietnamTime(Date.parse(period.publicFrom ?? '')));
  const instant = openingInstant(text);
  const move = useMutation({
    mutationFn: (at: number) =>
      api('PUT', `/periods/${period.id}/public-from`, {
        publicFrom: new Date(at).toISOString(),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.period(period.id) });
      await client.invalidateQueries({ queryKey: keys.periods });
      notifySaved('Đã đổi thời điểm công khai');
    },
  });
  return (
    <Stack gap="xs" maw={360}>
      <TimeInput label="Đổi thời điểm công khai (giờ Việt Nam)" value={text} onChange={setText} />
      <ErrorMessage error={move.error} />
      <Group>
        <Button
          variant="default"
          onClick={() => instant !== undefined && move.mutate(instant)}
          loading={move.isPending}
          disabled={instant === undefined}
        >
          Lưu thời điểm công khai
        </Button>
      </Group>
    </Stack>
  );
}
