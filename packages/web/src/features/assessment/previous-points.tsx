import { Text } from '@mantine/core';
import type { Assessment, EntryView } from '../../api/types';
import { points } from '../../lib/format';

type Previous = NonNullable<EntryView['previous']>;

/** Where last year's figure comes from, when it is not simply the same leaf of the same unit. */
function origin(previous: Previous, source: Assessment['previousSource'], unitId: string) {
  const parts = [`năm ${previous.year}`];
  if (previous.kind === 'renumbered') parts.push(`mục ${previous.fromCodes.join(', ')}`);
  if (previous.kind === 'merged') parts.push(`gộp các mục ${previous.fromCodes.join(', ')}`);
  if (source && source.unitId !== unitId) parts.push(`của ${source.unitName}`);
  return parts.join(', ');
}

/** "Năm trước: 2,5/3": what the unit earned on this leaf in the last published results. */
export function PreviousPoints({
  previous,
  source,
  unitId,
}: {
  previous: Previous;
  source: Assessment['previousSource'];
  unitId: string;
}) {
  const where = origin(previous, source, unitId);
  let text: string;
  switch (previous.status) {
    case 'scored':
      text = `${points(previous.points)}/${points(previous.maxPoints)}`;
      break;
    case 'missing':
      text = `${points(previous.points)}/${points(previous.maxPoints)}, có tiêu chí chưa chấm`;
      break;
    case 'notApplicable':
      text = 'không áp dụng';
      break;
    case 'notComparable':
      text =
        previous.kind === 'split'
          ? `không so sánh được: mục ${previous.fromCodes.join(', ')} đã được tách thành nhiều mục${previous.points === null ? '' : ` (khi đó đạt ${points(previous.points)}/${points(previous.maxPoints)})`}`
          : 'không so sánh được: thiếu kết quả của một phần các mục đã gộp';
      break;
  }
  return (
    <Text size="sm" c="dimmed">
      Năm trước: {text} ({where})
    </Text>
  );
}
