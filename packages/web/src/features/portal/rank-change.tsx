import { Text } from '@mantine/core';
import { rankChange } from '../../lib/format';
import classes from './portal.module.css';

/**
 * A rank change as an arrow and a number for the eye ("↑ 2") and in words for a screen reader
 * ("tăng 2 bậc so với năm trước"); nothing for a unit not ranked last year.
 */
export function RankChange({ change, size = 'sm' }: { change: number | null; size?: string }) {
  if (change === null)
    return (
      <Text span size={size} c="dimmed">
        <span aria-hidden="true">—</span>
        <span className={classes.visuallyHidden}>không có xếp hạng năm trước</span>
      </Text>
    );
  const color = change > 0 ? 'green.9' : change < 0 ? 'red.8' : 'gray.7';
  const arrow = change > 0 ? `↑ ${change}` : change < 0 ? `↓ ${-change}` : '=';
  return (
    <Text span size={size} c={color} fw={600}>
      <span aria-hidden="true">{arrow}</span>
      <span className={classes.visuallyHidden}>{rankChange(change)} so với năm trước</span>
    </Text>
  );
}
