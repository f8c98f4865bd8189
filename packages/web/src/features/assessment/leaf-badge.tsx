import { Badge } from '@mantine/core';
import type { EntryView } from '../../api/types';
import { points } from '../../lib/format';

/** The badge beside a leaf in the assessment's tree: its state or its self-assessed points. */
export function leafBadge(
  entry: EntryView | undefined,
  problem: boolean,
  fed?: { status: string; points: number | null },
) {
  if (entry?.appraisal?.supplementDeadline)
    return (
      <Badge size="xs" color="orange">
        bổ sung
      </Badge>
    );
  if (entry?.appraisal?.disputed)
    return (
      <Badge size="xs" color="orange">
        giải trình
      </Badge>
    );
  if (problem)
    return (
      <Badge size="xs" color="red">
        thiếu TLKC
      </Badge>
    );
  // Fed by lower units' results or statistics: the server's points, never "chưa chấm".
  if (entry?.lowerUnitsFeed || entry?.statisticFeed)
    return fed?.status === 'scored' ? (
      <Badge size="xs" color="teal" variant="light">
        {points(fed.points)}
      </Badge>
    ) : (
      <Badge size="xs" color="gray" variant="outline">
        {entry.lowerUnitsFeed ? 'chờ cấp dưới' : 'chờ số liệu'}
      </Badge>
    );
  if (entry?.facts)
    return (
      <Badge size="xs" color="green" variant="light">
        {points(entry.selfPoints)}
      </Badge>
    );
  return (
    <Badge size="xs" color="gray" variant="outline">
      chưa chấm
    </Badge>
  );
}
