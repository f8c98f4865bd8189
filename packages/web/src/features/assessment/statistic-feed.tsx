import { Alert, Text } from '@mantine/core';
import type { EntryView } from '../../api/types';
import { dateTime } from '../../lib/format';

type Feed = NonNullable<EntryView['statisticFeed']>;

/**
 * A leaf fed by the one-stop system's procedure (TTHC) statistics: the figure and where it came
 * from. The unit sees it and may explain it, never change it (decision 0026).
 */
export function StatisticFeed({ feed }: { feed: Feed }) {
  const has = feed.numerator !== null && feed.denominator !== null;
  return (
    <Alert color="teal" title={`Số liệu thống kê TTHC: ${feed.label}`}>
      {has ? (
        <Text size="sm">
          {feed.numerator?.toLocaleString('vi-VN')}/{feed.denominator?.toLocaleString('vi-VN')}
          {feed.percent !== '' && ` = ${feed.percent}`}
          {feed.source !== null && ` — nguồn: ${feed.source}`}
          {feed.updatedAt !== null && `, cập nhật ${dateTime(feed.updatedAt)}`}
        </Text>
      ) : (
        <Text size="sm">Chưa có số liệu thống kê TTHC cho đơn vị trong kỳ này.</Text>
      )}
      <Text size="sm" c="dimmed">
        Điểm tiêu chí này tính từ số liệu của hệ thống một cửa; đơn vị không tự nhập, có thể giải
        trình.
      </Text>
    </Alert>
  );
}
