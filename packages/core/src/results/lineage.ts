/** A unit formed from others (merged, split off or renamed). */
export interface LineageLink {
  id: string;
  /** Predecessors, the principal one first (the one whose name or seat the new unit keeps). */
  from: string[];
  /** Names the predecessor the new unit continues, when it is not the first listed. */
  primary?: string | undefined;
}

/**
 * Which previous-period unit a unit is compared with (see docs/decisions/0004-lineage.md):
 * 1. itself, when it has a previous result under the same id (it continued or was renamed in place);
 * 2. otherwise, among its predecessors that have a previous result, the one named `primary`;
 * 3. otherwise the first predecessor listed that has a previous result.
 * A unit with none of these has no previous result: no rank or % change is shown.
 */
export function findPredecessor(
  unitId: string,
  hasPrevious: (id: string) => boolean,
  lineage: readonly LineageLink[] | LineageIndex,
): string | undefined {
  if (hasPrevious(unitId)) return unitId;
  const link = isIndex(lineage) ? lineage.get(unitId) : lineage.find((l) => l.id === unitId);
  if (!link) return undefined;
  if (link.primary !== undefined && hasPrevious(link.primary)) return link.primary;
  return link.from.find(hasPrevious);
}

/** Lineage links by unit id, for asking `findPredecessor` of many units. */
export type LineageIndex = ReadonlyMap<string, LineageLink>;

/**
 * The links by unit id, the first link of a unit kept (as a search of the list finds it):
 * a period's units asked one by one would otherwise each search the whole lineage.
 */
export function indexLineage(lineage: readonly LineageLink[]): LineageIndex {
  const index = new Map<string, LineageLink>();
  for (const link of lineage) if (!index.has(link.id)) index.set(link.id, link);
  return index;
}

function isIndex(lineage: readonly LineageLink[] | LineageIndex): lineage is LineageIndex {
  return lineage instanceof Map;
}
