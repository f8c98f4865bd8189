import { Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { isNotFound, portalLinks, type PublicLicence } from './api';
import classes from './portal.module.css';

export interface Crumb {
  label: string;
  to: string;
}

/**
 * The frame of the portal's pages: no menu and no account, the way back up (period, block),
 * and the open licence at the foot of every page.
 */
export function PortalShell({
  title,
  crumbs = [],
  licence,
  children,
}: {
  /** The page's name for the browser tab. */
  title: string;
  crumbs?: Crumb[];
  licence?: PublicLicence | undefined;
  children: ReactNode;
}) {
  const { user } = useSession();
  useEffect(() => {
    const before = document.title;
    document.title = `${title} — Kết quả Chỉ số CCHC`;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className={classes.page}>
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <header className={classes.header}>
        <Container size="lg" px="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={portalLinks.periods} fw={700} c="red.8" underline="never">
              Kết quả Chỉ số CCHC đã công bố
            </Anchor>
            <Anchor
              component={Link}
              to={user ? '/' : '/dang-nhap'}
              size="sm"
              className={classes.noPrint}
            >
              {user ? 'Trang làm việc' : 'Đăng nhập'}
            </Anchor>
          </Group>
        </Container>
      </header>
      <Container size="lg" px="sm" py="md" component="main" id="noi-dung" className={classes.main}>
        <Stack gap="md">
          {crumbs.length > 0 && (
            <Group gap={6} component="nav" aria-label="Vị trí trang" className={classes.noPrint}>
              {crumbs.map((crumb, i) => (
                <Fragment key={crumb.to}>
                  {i > 0 && (
                    <Text span c="dimmed" aria-hidden="true">
                      ›
                    </Text>
                  )}
                  <Anchor component={Link} to={crumb.to} size="sm">
                    {crumb.label}
                  </Anchor>
                </Fragment>
              ))}
            </Group>
          )}
          {children}
        </Stack>
      </Container>
      {licence && (
        <Box component="footer" className={classes.footer}>
          <Container size="lg" px="md" py="sm">
            <Text size="xs" c="dimmed">
              Dữ liệu được công bố theo{' '}
              <Anchor href={licence.url} size="xs" target="_blank" rel="noopener noreferrer">
                {licence.name}
              </Anchor>
              . {licence.attribution}
            </Text>
          </Container>
        </Box>
      )}
    </div>
  );
}

/** The page's heading, focused when it appears so that a screen reader starts there. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div>
      <Title ref={heading} order={1} size="h2" tabIndex={-1} className={classes.title}>
        {children}
      </Title>
      {sub && (
        <Text c="dimmed" size="sm" mt={4}>
          {sub}
        </Text>
      )}
    </div>
  );
}

/**
 * What a query's state shows before the page: loading, or the one "not found / not yet
 * published" page for a 404 (the portal cannot tell the two apart and neither does it say).
 */
export function PortalState({ error, pending }: { error: unknown; pending: boolean }) {
  if (pending)
    return (
      <PortalShell title="Đang tải">
        <Loading />
      </PortalShell>
    );
  if (isNotFound(error)) return <PortalNotFound />;
  return (
    <PortalShell title="Không tải được">
      <ErrorMessage error={error} title="Không tải được kết quả" />
    </PortalShell>
  );
}

export function PortalNotFound() {
  return (
    <PortalShell title="Không tìm thấy">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <PageTitle>Không tìm thấy kết quả</PageTitle>
          <Text>
            Kết quả Ông/Bà tìm không có hoặc chưa đến thời điểm công khai. Kết quả của mỗi kỳ đánh
            giá chỉ hiện ở đây từ thời điểm Ủy ban nhân dân tỉnh công bố.
          </Text>
          <Anchor component={Link} to={portalLinks.periods}>
            Xem các kỳ đã công bố
          </Anchor>
        </Stack>
      </Paper>
    </PortalShell>
  );
}
