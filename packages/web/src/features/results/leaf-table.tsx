import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import type { FrameworkView, LeafStory, UnitResultJson } from '../../api/types';
import { points } from '../../lib/format';

type ResultNode = UnitResultJson['nodes'][number];

/** A leaf's outcome in words: "6,5/8", "Không áp dụng", "Không có điểm". */
function outcomeText(status: string, value: number | null, max: number | null): string {
  if (status === 'notApplicable') return 'Không áp dụng';
  if (status === 'missing') return `Không có điểm (0/${points(max)})`;
  return `${points(value)}/${points(max)}`;
}

/**
 * Every leaf of a unit: the points it came to and the rule's explanation of why, beside what
 * the unit assessed and what the appraisal decided, with the appraiser's reason wherever the
 * two differ. Publications made before chiso kept each leaf's story show the final side only.
 */
export function LeafTable({
  framework,
  stories: told,
  unit,
}: {
  framework: FrameworkView;
  stories: LeafStory[] | null;
  unit: UnitResultJson;
}) {
  const stories = new Map<string, LeafStory>((told ?? []).map((s) => [s.code, s]));
  const nodes = new Map<string, ResultNode>(unit.nodes.map((n) => [n.code, n]));
  const hasStories = stories.size > 0;
  const areas = framework.nodes.filter((n) => n.depth === 1);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Điểm từng tiêu chí và cách tính
        </Title>
        {!hasStories && (
          <Text size="sm" c="dimmed">
            Lần công bố này không lưu kết quả tự đánh giá từng tiêu chí; bảng chỉ ghi kết quả cuối
            cùng.
          </Text>
        )}
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tiêu chí</Table.Th>
                {hasStories && <Table.Th>Tự đánh giá</Table.Th>}
                <Table.Th>Kết quả</Table.Th>
                <Table.Th>Cách tính</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {areas.map((area) => {
                const areaNode = nodes.get(area.code);
                const leaves = framework.nodes.filter(
                  (n) => n.isLeaf && (n.code === area.code || n.code.startsWith(`${area.code}.`)),
                );
                return (
                  <Fragment key={area.code}>
                    <Table.Tr>
                      <Table.Td colSpan={hasStories ? 4 : 3} fw={700} bg="gray.1">
                        {area.code}. {area.title} —{' '}
                        {areaNode?.applicable === false
                          ? 'Không áp dụng'
                          : `${points(areaNode?.points)}/${points(areaNode?.maxPoints)} điểm`}
                      </Table.Td>
                    </Table.Tr>
                    {leaves.map((leaf) => {
                      const node = nodes.get(leaf.code);
                      const story = stories.get(leaf.code);
                      if (!node) return null;
                      return (
                        <Table.Tr key={leaf.code}>
                          <Table.Td maw={320}>
                            {leaf.code}. {leaf.title}
                          </Table.Td>
                          {hasStories && (
                            <Table.Td maw={260}>
                              {story
                                ? outcomeText(story.self.status, story.self.points, node.maxPoints)
                                : '—'}
                              {story?.differs && story.self.explanation && (
                                <Text size="xs" c="dimmed">
                                  {story.self.explanation}
                                </Text>
                              )}
                            </Table.Td>
                          )}
                          <Table.Td>
                            <Text size="sm" fw={story?.differs ? 700 : 400}>
                              {outcomeText(node.status, node.points, node.maxPoints)}
                            </Text>
                            {story?.surveyFed && (
                              <Badge size="xs" variant="light">
                                từ khảo sát
                              </Badge>
                            )}
                            {story?.differs && story.appraisal && (
                              <Text size="xs" c="orange.9">
                                {story.appraisal.label}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {node.explanation}
                            {/* Points set outright, or none, carry the reason in the explanation. */}
                            {story?.differs &&
                              story.appraisal?.kind === 'facts' &&
                              story.appraisal.comment && (
                                <Text size="xs" c="orange.9">
                                  Lý do thẩm định: {story.appraisal.comment}
                                </Text>
                              )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
