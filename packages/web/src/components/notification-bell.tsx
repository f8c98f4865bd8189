import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/hooks';

/** The bell in the header: how many notifications are unread; opens the notifications page. */
export function NotificationBell() {
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const label = unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo: không có thông báo mới';
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red"
      disabled={unread === 0}
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/thong-bao"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
      >
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.3A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
