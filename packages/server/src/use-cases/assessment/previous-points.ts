import {
  codeMapSideOf,
  Decimal,
  defaultCodeMap,
  findPredecessor,
  previousLeafPoints,
  type CodeMapSide,
  type LineageLink,
  type PreviousLeaf,
  type PublishedNode,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listCodeLinks } from '../../repositories/framework-copy.js';
import type { StoredFramework } from '../../repositories/frameworks.js';
import {
  lastPublishedUnits,
  type PublishedFrameworkJson,
  type PublishedUnitJson,
} from '../../repositories/previous-publication.js';
import { listLineageOf, type LineageRow } from '../../repositories/units.js';

/** Last year's points of one unit, per leaf of this year's framework. */
export interface PreviousPoints {
  year: number;
  /** The unit compared with: the unit itself, or its predecessor through lineage. */
  unitId: string;
  unitName: string;
  leaves: Map<string, PreviousLeaf>;
}

function lineageLinks(rows: readonly LineageRow[]): LineageLink[] {
  const byUnit = new Map<string, LineageLink>();
  for (const row of rows) {
    const link = byUnit.get(row.unitId) ?? { id: row.unitId, from: [], primary: undefined };
    link.from.push(row.fromUnitId);
    if (row.isPrimary) link.primary = row.fromUnitId;
    byUnit.set(row.unitId, link);
  }
  return [...byUnit.values()];
}

const publishedSide = (framework: PublishedFrameworkJson, year: number): CodeMapSide => ({
  year,
  nodes: new Map(framework.nodes.map((n) => [n.code, n.isLeaf])),
});

function nodesOf(unit: PublishedUnitJson): Map<string, PublishedNode> {
  return new Map(
    unit.nodes.map((n) => [
      n.code,
      {
        points: Decimal.of(n.points ?? 0),
        maxPoints: Decimal.of(n.maxPoints ?? 0),
        applicable: n.applicable,
        status: n.status,
      },
    ]),
  );
}

/**
 * What a unit earned last year on each leaf of this year's framework (decision 0013): the
 * results last published before this year, of the unit or of the predecessor lineage names
 * (decision 0004), read through the framework's code map; without a stored map for the
 * framework those results were published with, identical codes are the same leaf.
 */
export async function previousPointsOf(
  db: Db,
  query: { year: number; unitId: string; stored: StoredFramework },
): Promise<PreviousPoints | undefined> {
  const lineage = lineageLinks(await listLineageOf(db, query.unitId));
  const from = lineage.find((l) => l.id === query.unitId)?.from ?? [];
  const publication = await lastPublishedUnits(db, {
    beforeYear: query.year,
    unitType: query.stored.row.unitType,
    unitIds: [query.unitId, ...from],
  });
  if (!publication) return undefined;
  const byId = new Map(publication.units.map((u) => [u.id, u]));
  const chosen = findPredecessor(query.unitId, (id) => byId.has(id), lineage);
  const unit = chosen === undefined ? undefined : byId.get(chosen);
  if (!unit) return undefined;
  // The stored map speaks of its previous framework's codes: it applies when last year's
  // results were published with that framework, which is the usual case.
  const mapsFrom = query.stored.row.previousFrameworkId;
  const stored =
    mapsFrom !== null && publication.framework.id === mapsFrom
      ? await listCodeLinks(db, query.stored.row.id)
      : [];
  const links =
    stored.length > 0
      ? stored
      : defaultCodeMap(
          publishedSide(publication.framework, publication.year),
          codeMapSideOf(query.stored.framework, query.stored.row.year),
        );
  const nodes = nodesOf(unit);
  return {
    year: publication.year,
    unitId: unit.id,
    unitName: unit.name,
    leaves: previousLeafPoints(links, (code) => nodes.get(code)),
  };
}

/** A leaf's last-year points as the assessment API gives them; null when there is nothing. */
export function presentPrevious(previous: PreviousPoints | undefined, code: string) {
  const leaf = previous?.leaves.get(code);
  if (!previous || !leaf) return null;
  return {
    year: previous.year,
    points: leaf.points?.toString() ?? null,
    maxPoints: leaf.maxPoints?.toString() ?? null,
    status: leaf.status,
    kind: leaf.kind,
    fromCodes: leaf.fromCodes,
  };
}
