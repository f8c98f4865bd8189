import { Badge } from '@mantine/core';
import type { EntryView } from '../../api/types';
import { points } from '../../lib/format';

/** `fedPoints`: the leaf's points when the lower units' published results score it. */
export function leafBadge(
  entry: EntryView | undefined,
  problem: boolean,
  fedPoints: number | null | undefined,
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
  // Scored from the lower units' results: nobody enters it, so it is never "not scored".
  if (entry?.lowerUnitsFeed) {
    return entry.lowerUnitsFeed.published && fedPoints !== undefined && fedPoints !== null ? (
      <Badge size="xs" color="grape" variant="light">
        {points(fedPoints)}
      </Badge>
    ) : (
      <Badge size="xs" color="gray" variant="outline">
        chờ cấp dưới
      </Badge>
    );
  }
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
