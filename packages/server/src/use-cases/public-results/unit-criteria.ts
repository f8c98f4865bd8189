import { Decimal } from '@chiso/core';
import type { LeafStory } from '../results/leaf-stories.js';
import type { BlockModel, PublishedUnit } from './period-model.js';

/** max − points where a node applies and lost some, exactly; null otherwise. */
function lostOf(node: PublishedUnit['nodes'][number]): number | null {
  if (!node.applicable || node.points === null || node.maxPoints === null) return null;
  const lost = Decimal.of(node.maxPoints).minus(Decimal.of(node.points));
  return lost.gt(Decimal.ZERO) ? lost.toNumber() : null;
}

/**
 * Every node of a unit's framework with its points and, on a leaf that lost points, why: the
 * appraiser's reason where the appraisal changed the unit's own outcome and gave one, else the
 * rule's explanation of the final outcome. Nothing of the self-assessment itself (its points,
 * its explanation) and no one's name: the public reads the final result (decision 0022).
 */
export function unitCriteria(
  block: BlockModel,
  unit: PublishedUnit,
  stories: readonly LeafStory[] | undefined,
) {
  const nodes = new Map(unit.nodes.map((n) => [n.code, n]));
  const storyOf = new Map((stories ?? []).map((s) => [s.code, s]));
  return block.framework.nodes.flatMap((frameworkNode) => {
    const node = nodes.get(frameworkNode.code);
    if (!node) return [];
    const lostPoints = lostOf(node);
    const story = storyOf.get(node.code);
    const comment = story?.differs ? story.appraisal?.comment?.trim() : undefined;
    return [
      {
        code: node.code,
        title: frameworkNode.title,
        depth: frameworkNode.depth,
        points: node.points,
        maxPoints: node.maxPoints,
        applicable: node.applicable,
        lostPoints,
        reason:
          lostPoints === null || !frameworkNode.isLeaf
            ? null
            : comment || (node.explanation ?? null),
      },
    ];
  });
}

/** A unit's areas beside the mean % of its block where each applies. */
export function unitAreas(block: BlockModel, unit: PublishedUnit) {
  return unit.areas.map((area) => ({
    code: area.code,
    title: area.title,
    points: area.applicable ? area.points : null,
    maxPoints: area.applicable ? area.maxPoints : null,
    percent: area.percent,
    rank: area.rank,
    peerMeanPercent: block.areaMeans.get(area.code) ?? null,
  }));
}
