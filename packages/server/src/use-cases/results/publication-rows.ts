import type { publishedResults } from '../../db/schema.js';
import { presentFramework } from '../frameworks/present-framework.js';
import type { LeafStory } from './leaf-stories.js';
import type { TypeResults } from './period-results.js';

/** Per unit id, each leaf's story: the `details` column of a publication. */
export type PublishedDetails = Record<string, LeafStory[]>;

/** The frozen rows of one publication version, one per unit type. */
export function publicationRows(
  periodId: string,
  version: number,
  byType: readonly TypeResults[],
  now: Date,
): (typeof publishedResults.$inferInsert)[] {
  return byType.map((t) => ({
    periodId,
    version,
    unitType: t.unitType,
    framework: presentFramework(t.frameworkRow, t.framework, t.policy),
    results: t.json,
    details: Object.fromEntries(t.stories) satisfies PublishedDetails,
    publishedAt: now,
  }));
}
