import type { Framework, NodeScore, UnitScore } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import { APPRAISAL_KIND_LABELS, type AppraisalKind } from '../assessment/appraisal-outcome.js';

/** One leaf's outcome as shown: status, points, and the sentence that says why. */
export interface OutcomeView {
  status: string;
  points: number | null;
  /** Given where the outcome differs from the final one (the final explanation covers the rest). */
  explanation: string | null;
}

/**
 * How a leaf of a unit came to its final points: what the unit assessed, what the appraisal
 * decided and why. The final outcome itself is the node of the results.
 */
export interface LeafStory {
  code: string;
  self: OutcomeView;
  appraisal: { kind: AppraisalKind; label: string; comment: string | null } | null;
  /** Whether the final outcome differs from the unit's own (status or points). */
  differs: boolean;
  /** Fed by the period's surveys: neither the unit nor an appraiser sets it. */
  surveyFed: boolean;
}

/** The explanation is built only where asked: sentences are most of the cost at scale. */
const view = (node: NodeScore, explain: boolean): OutcomeView => ({
  status: node.status,
  points: node.status === 'scored' ? node.points.toNumber() : null,
  explanation: explain ? (node.explain() ?? null) : null,
});

/** Each leaf's story for a unit, from its self-assessed and final scores. */
export function leafStories(
  framework: Framework,
  self: UnitScore,
  final: UnitScore,
  entries: ReadonlyMap<string, EntryRow>,
  surveyLeaves: ReadonlySet<string>,
): LeafStory[] {
  return framework.leaves.flatMap((leaf) => {
    const own = self.node(leaf.code);
    const last = final.node(leaf.code);
    if (!own || !last) return [];
    const entry = entries.get(leaf.code);
    const kind = (entry?.appraisalKind ?? null) as AppraisalKind | null;
    const surveyFed = surveyLeaves.has(leaf.code);
    const differs = own.status !== last.status || !own.points.equals(last.points);
    return [
      {
        code: leaf.code,
        // Where the unit's outcome stands, the final explanation already says why.
        self: view(own, differs),
        appraisal:
          kind === null || surveyFed
            ? null
            : {
                kind,
                label: APPRAISAL_KIND_LABELS[kind],
                comment: entry?.appraisalComment ?? null,
              },
        differs,
        surveyFed,
      },
    ];
  });
}
