import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { PublicationView, ResultsView } from '../../api/types';
import { date } from '../../lib/format';

/** Which publication a page shows: `?lan=2` names one; none means the one in force. */
export function useVersion(): number | undefined {
  const [params] = useSearchParams();
  const value = Number(params.get('lan'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** "?lan=1" while a page shows a superseded version, so that its links stay on that version. */
export function useVersionSearch(): string {
  const version = useVersion();
  return version === undefined ? '' : `?lan=${version}`;
}

/** "?lan=1" for a superseded version, nothing for the one in force. */
export function versionQuery(publication: PublicationView | null): string {
  return publication?.superseded ? `?lan=${publication.version}` : '';
}

function decision(p: PublicationView): string {
  const number = p.decisionNumber ? `Quyết định số ${p.decisionNumber}` : 'quyết định';
  return p.decisionDate ? `${number} ngày ${date(p.decisionDate)}` : number;
}

/** "Công bố theo …" or "Đính chính lần 1 theo …: lý do". */
export function publicationText(p: PublicationView): string {
  return p.erratum
    ? `Đính chính lần ${p.version - 1} theo ${decision(p)}, công bố ngày ${date(p.publishedAt)}`
    : `Công bố ngày ${date(p.publishedAt)} theo ${decision(p)}`;
}

/**
 * Under a results page's title: which decision these results stand on; for a superseded
 * version, a warning with the way to the version in force; and every version of the period.
 */
export function PublicationBanner({
  view,
  path,
}: {
  view: Pick<ResultsView, 'published' | 'publication' | 'publications'>;
  path: string;
}) {
  const p = view.publication;
  if (!view.published || !p) {
    return <Text c="dimmed">Chưa công bố: kết quả tạm tính theo kết quả thẩm định hiện có</Text>;
  }
  const current = view.publications.find((v) => !v.superseded);
  return (
    <Stack gap={6}>
      <Text c="dimmed">{publicationText(p)}</Text>
      {p.erratum && p.reason && <Text size="sm">Lý do đính chính: {p.reason}</Text>}
      {p.superseded && current && (
        <Alert color="red" title="Bản này đã được đính chính, không còn hiệu lực">
          Kết quả đang có hiệu lực: {publicationText(current)}.{' '}
          <Anchor component={Link} to={path}>
            Xem bản đang có hiệu lực
          </Anchor>
        </Alert>
      )}
      {view.publications.length > 1 && (
        <Group gap="xs">
          <Text size="sm">Các lần công bố:</Text>
          {[...view.publications].reverse().map((v) => {
            const label = `${v.erratum ? `Đính chính lần ${v.version - 1}` : 'Công bố lần đầu'} (${v.decisionNumber ? `số ${v.decisionNumber}` : 'không có số'}${v.superseded ? ', đã thay thế' : ', đang có hiệu lực'})`;
            return v.version === p.version ? (
              <Text key={v.version} size="sm" fw={700}>
                {label} — đang xem
              </Text>
            ) : (
              <Anchor
                key={v.version}
                size="sm"
                component={Link}
                to={v.superseded ? `${path}?lan=${v.version}` : path}
              >
                {label}
              </Anchor>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
