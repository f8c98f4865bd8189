import {
  AppShell,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  ROLE_LABELS,
  SECOND_FACTOR_ROLES,
  SECRETARIAT_ROLES,
  type Role,
} from '@chiso/core/access/policy.js';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/feedback';
import { NotificationBell } from '../components/notification-bell';
import { useSession } from './session';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
  /**
   * The install's (the province's) pages for a secretariat: province-wide overviews and the job
   * queue, which a district's secretariat is refused (decision 0024), so not offered to it.
   */
  installSecretariat?: true;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Trang chính' },
  {
    to: '/ky-danh-gia',
    label: 'Kỳ đánh giá',
    roles: ['administrator', 'unitOfficer', 'unitHead', 'appraiser', 'councilMember'],
  },
  {
    to: '/khao-sat',
    label: 'Khảo sát',
    roles: ['administrator', 'surveyClerk', 'councilMember', 'unitOfficer', 'unitHead'],
  },
  { to: '/ket-qua', label: 'Kết quả' },
  { to: '/cong-khai', label: 'Cổng công khai' },
  { to: '/nhiem-vu', label: 'Nhiệm vụ', roles: ['unitOfficer', 'unitHead', 'officeStaff'] },
  {
    to: '/nhiem-vu/tong-hop',
    label: 'Nhiệm vụ các đơn vị',
    roles: ['administrator', 'councilMember'],
    installSecretariat: true,
  },
  {
    to: '/theo-doi',
    label: 'Tự theo dõi giữa kỳ',
    roles: ['administrator', 'councilMember', 'unitOfficer', 'unitHead', 'officeStaff'],
    installSecretariat: true,
  },
  {
    to: '/ke-hoach',
    label: 'Kế hoạch cải thiện',
    roles: ['administrator', 'councilMember', 'unitOfficer', 'unitHead', 'officeStaff'],
    installSecretariat: true,
  },
  {
    to: '/bo-chi-so',
    label: 'Bộ chỉ số',
    roles: ['administrator', 'unitOfficer', 'unitHead', 'appraiser', 'councilMember'],
  },
  { to: '/phong-ban', label: 'Phòng, ban', roles: ['unitOfficer', 'unitHead'] },
  { to: '/don-vi', label: 'Đơn vị', roles: ['administrator'] },
  { to: '/tai-khoan', label: 'Tài khoản', roles: ['administrator'] },
  {
    to: '/cong-viec-nen',
    label: 'Công việc nền',
    roles: ['administrator'],
    installSecretariat: true,
  },
  { to: '/ket-noi-he-thong', label: 'Kết nối hệ thống (API)', roles: ['administrator'] },
  { to: '/nhat-ky', label: 'Nhật ký thay đổi', roles: ['administrator'] },
];

/** The frame of every page: a header, navigation shaped by the role, and the page. */
export function Layout() {
  const { user, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  // A district's secretariat (a secretariat role with a unit) is not offered the install's pages.
  const unitSecretariat = Boolean(
    user && SECRETARIAT_ROLES.includes(user.role) && user.unitId !== null,
  );
  const items = NAV.filter(
    (item) =>
      (!item.roles || (user && item.roles.includes(user.role))) &&
      !(item.installSecretariat && unitSecretariat),
  );

  // A password an administrator set must be changed first; the server refuses the rest (0036).
  if (user?.mustChangePassword && location.pathname !== '/doi-mat-khau')
    return <Navigate to="/doi-mat-khau" replace />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? 'Đóng danh mục' : 'Mở danh mục'}
              aria-expanded={opened}
            />
            <Title order={1} size="h4" c="red.8">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                chiso
              </Link>
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              Chỉ số Cải cách hành chính
            </Text>
          </Group>
          {user ? (
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              {/* The user menu: one's own password and two-factor sign-in (0036). */}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label="Tài khoản của tôi">
                    <Stack gap={0} align="flex-end">
                      <Text size="sm" fw={600}>
                        {user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" visibleFrom="xs">
                        {ROLE_LABELS[user.role]} ▾
                      </Text>
                    </Stack>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/doi-mat-khau">
                    Đổi mật khẩu
                  </Menu.Item>
                  {SECOND_FACTOR_ROLES.includes(user.role) && (
                    <Menu.Item component={Link} to="/xac-thuc-hai-buoc">
                      Xác thực hai bước
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
              <Button
                variant="default"
                size="xs"
                onClick={() => void signOut().then(() => navigate('/dang-nhap'))}
              >
                Đăng xuất
              </Button>
            </Group>
          ) : user === null ? (
            <Button component={Link} to="/dang-nhap" size="xs">
              Đăng nhập
            </Button>
          ) : null}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Danh mục chính">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={
              item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)
            }
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="noi-dung" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
