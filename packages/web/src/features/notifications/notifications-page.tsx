import {
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { NOTIFICATION_KIND_LABELS } from '@chiso/core/notifications/kinds.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys, NOTIFICATIONS_PER_PAGE, useNotifications } from '../../api/hooks';
import type { Notification } from '../../api/types';
import { ErrorMessage, Loading, notifyError } from '../../components/feedback';
import { dateTime } from '../../lib/format';
import { PreferencesSection } from './preferences-section';

/** The signed-in person's notifications, newest first, and how they want to receive them. */
export default function NotificationsPage() {
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const offset = (page - 1) * NOTIFICATIONS_PER_PAGE;
  const list = useNotifications(offset, filter === 'unread');
  const refresh = () => client.invalidateQueries({ queryKey: keys.notifications });
  const readAll = useMutation({
    mutationFn: () => api('POST', '/notifications/read-all'),
    onSuccess: refresh,
    onError: notifyError,
  });
  const read = useMutation({
    mutationFn: (id: string) => api('POST', `/notifications/${id}/read`),
    onSuccess: refresh,
    onError: notifyError,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Thông báo</Title>
        <Button
          variant="default"
          onClick={() => readAll.mutate()}
          loading={readAll.isPending}
          disabled={!list.data || list.data.unread === 0}
        >
          Đánh dấu tất cả đã đọc
        </Button>
      </Group>
      <Group>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unread', label: 'Chưa đọc' },
          ]}
          aria-label="Lọc thông báo"
        />
        {list.data && (
          <Text size="sm" c="dimmed">
            {list.data.unread} chưa đọc / {list.data.total} thông báo
          </Text>
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">
          {filter === 'unread' ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.'}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.data.items.map((n) => (
            <NotificationCard
              key={n.id}
              notification={n}
              onOpen={() => !n.readAt && read.mutate(n.id)}
            />
          ))}
        </Stack>
      )}
      {list.data && list.data.total > NOTIFICATIONS_PER_PAGE && (
        <Pagination
          total={Math.ceil(list.data.total / NOTIFICATIONS_PER_PAGE)}
          value={page}
          onChange={setPage}
          aria-label="Trang thông báo"
        />
      )}
      <PreferencesSection />
    </Stack>
  );
}

function NotificationCard({
  notification: n,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const unread = n.readAt === null;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={unread ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={unread ? 700 : 500}>{n.title}</Text>
            {unread && (
              <Badge color="red" variant="light" size="sm">
                Chưa đọc
              </Badge>
            )}
          </Group>
          <Text size="sm">{n.body}</Text>
          <Text size="xs" c="dimmed">
            {NOTIFICATION_KIND_LABELS[n.kind]} · {dateTime(n.createdAt)}
            {n.readAt ? ` · đã đọc lúc ${dateTime(n.readAt)}` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {n.link && (
            <Button component={Link} to={n.link} size="xs" onClick={onOpen}>
              Mở
            </Button>
          )}
          {unread && (
            <Button size="xs" variant="subtle" onClick={onOpen}>
              Đánh dấu đã đọc
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
