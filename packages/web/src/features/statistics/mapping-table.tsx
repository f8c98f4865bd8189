import type { StatisticsMapping } from '@chiso/contract';
import { MEASURE_KEYS, MEASURE_LABELS } from '@chiso/core';
import { Select, Table, Text } from '@mantine/core';

export type Columns = StatisticsMapping['columns'];
type Target = Columns[string];

/** A column the import leaves out. */
const SKIP = 'skip';

const TARGET_LABELS: Record<Target, string> = { unit: 'Đơn vị (mã hoặc tên)', ...MEASURE_LABELS };

const OPTIONS = [
  { value: 'unit', label: TARGET_LABELS.unit },
  ...MEASURE_KEYS.map((key) => ({ value: key, label: MEASURE_LABELS[key] })),
  { value: SKIP, label: 'Bỏ qua' },
];

/** The column letter that takes a target first, for each target taken. */
function firstColumns(columns: Columns, letters: readonly string[]): Map<Target, string> {
  const first = new Map<Target, string>();
  for (const letter of letters) {
    const target = columns[letter];
    if (target !== undefined && !first.has(target)) first.set(target, letter);
  }
  return first;
}

/**
 * The file's columns (letter and header text), each with what it holds: the unit, one measure
 * of the catalogue, or nothing. A target chosen twice is marked where it is chosen again.
 */
export function MappingTable({
  headers,
  columns,
  onChange,
}: {
  headers: { column: string; text: string }[];
  columns: Columns;
  onChange: (columns: Columns) => void;
}) {
  const first = firstColumns(
    columns,
    headers.map((h) => h.column),
  );
  const set = (letter: string, value: string | null) => {
    const next = { ...columns };
    if (value === null || value === SKIP) delete next[letter];
    else next[letter] = value as Target;
    onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder aria-label="Ghép cột của tệp">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Cột</Table.Th>
            <Table.Th>Tiêu đề trong tệp</Table.Th>
            <Table.Th w={380}>Cột này là</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((header) => {
            const target = columns[header.column];
            const earlier = target === undefined ? undefined : first.get(target);
            return (
              <Table.Tr key={header.column} style={{ verticalAlign: 'top' }}>
                <Table.Td pt={14} fw={600}>
                  {header.column}
                </Table.Td>
                <Table.Td pt={14}>
                  {header.text === '' ? (
                    <Text size="sm" c="dimmed">
                      (không có tiêu đề)
                    </Text>
                  ) : (
                    header.text
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Cột ${header.column} là`}
                    data={OPTIONS}
                    value={target ?? SKIP}
                    onChange={(value) => set(header.column, value)}
                    allowDeselect={false}
                    error={
                      target !== undefined && earlier !== header.column
                        ? `Đã chọn cho cột ${earlier}; mỗi chỉ tiêu chỉ một cột`
                        : undefined
                    }
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Whether the mapping names a unit column, at least one measure, and no target twice. */
export function mappingProblem(columns: Columns): string | undefined {
  const targets = Object.values(columns);
  if (!targets.includes('unit')) return 'Chưa chọn cột nào là "Đơn vị"';
  if (!targets.some((t) => t !== 'unit')) return 'Chưa chọn cột nào là chỉ tiêu thống kê';
  if (new Set(targets).size !== targets.length)
    return 'Có chỉ tiêu được chọn cho hai cột; mỗi chỉ tiêu chỉ một cột';
  return undefined;
}
