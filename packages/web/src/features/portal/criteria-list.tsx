import { Accordion, Table, Text } from '@mantine/core';
import { points } from '../../lib/format';
import type { PublicUnit } from './api';
import classes from './portal.module.css';

type Criterion = PublicUnit['criteria'][number];

interface Area {
  area: Criterion;
  rows: Criterion[];
}

/** The criteria in framework order, under the area (depth 1) each belongs to. */
function byArea(criteria: Criterion[]): Area[] {
  const areas: Area[] = [];
  for (const node of criteria) {
    if (node.depth <= 1) areas.push({ area: node, rows: [] });
    else areas.at(-1)?.rows.push(node);
  }
  return areas;
}

/**
 * Every criterion with its points, the maximum, the points lost and why, grouped by area in
 * folds a citizen opens one at a time; the area's line already says its points.
 */
export function CriteriaList({ unit }: { unit: PublicUnit }) {
  const areas = byArea(unit.criteria);
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {areas.map(({ area, rows }) => (
        <Accordion.Item key={area.code} value={area.code}>
          <Accordion.Control>
            <Text fw={600} size="sm">
              {area.code}. {area.title}
            </Text>
            <Text size="xs" c="dimmed">
              {area.applicable
                ? `${points(area.points)}/${points(area.maxPoints)} điểm${lost(area)}`
                : 'Không áp dụng cho đơn vị'}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Table fz="sm" striped className={classes.stacked} layout="fixed">
              <caption className={classes.visuallyHidden}>
                Tiêu chí của lĩnh vực {area.code}. {area.title}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tiêu chí</Table.Th>
                  <Table.Th w={100} ta="right">
                    Điểm đạt/tối đa
                  </Table.Th>
                  <Table.Th w={80} ta="right">
                    Điểm bị trừ
                  </Table.Th>
                  <Table.Th w="35%">Lý do bị trừ điểm</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Td data-label="" style={{ paddingLeft: 8 + (row.depth - 2) * 12 }}>
                      <Text span size="sm" fw={row.depth === 2 ? 600 : 400}>
                        {row.code}. {row.title}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label="Điểm đạt/tối đa" ta="right">
                      {row.applicable
                        ? `${points(row.points)}/${points(row.maxPoints)}`
                        : 'Không áp dụng'}
                    </Table.Td>
                    <Table.Td data-label="Điểm bị trừ" ta="right">
                      {row.lostPoints === null ? '—' : points(row.lostPoints)}
                    </Table.Td>
                    <Table.Td data-label="Lý do" ta="left">
                      {row.reason ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

const lost = (node: Criterion) =>
  node.lostPoints !== null && node.lostPoints > 0 ? `, bị trừ ${points(node.lostPoints)}` : '';
