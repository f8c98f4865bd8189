import type { ResultsJson } from '@chiso/core';

type UnitJson = ResultsJson['units'][number];

/** The figures of a unit that a publication states. */
export interface UnitFigures {
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  rank: number | null;
  band: string | null;
  headRating: string | null;
}

export interface LeafChange {
  code: string;
  before: { status: string; points: number | null } | null;
  after: { status: string; points: number | null } | null;
}

/** What an erratum changes for one unit. */
export interface UnitChange {
  unitType: string;
  unitId: string;
  name: string;
  before: UnitFigures | null;
  after: UnitFigures | null;
  leaves: LeafChange[];
}

const figures = (u: UnitJson): UnitFigures => ({
  points: u.points,
  maxPoints: u.maxPoints,
  percent: u.percent,
  rank: u.rank,
  band: u.band,
  headRating: u.headRating,
});

const leafOf = (n: UnitJson['nodes'][number]) => ({
  status: n.status,
  points: n.status === 'scored' ? n.points : null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every unit whose stated figures or leaf outcomes differ between a publication and a new
 * computation of the same period, in the new ranking's order. A unit that moved only because
 * another one did (its rank) is listed too: the erratum changes its line of the table.
 */
export function compareResults(
  before: readonly { unitType: string; results: ResultsJson }[],
  after: readonly { unitType: string; results: ResultsJson }[],
): UnitChange[] {
  const changes: UnitChange[] = [];
  const types = new Set([...before.map((g) => g.unitType), ...after.map((g) => g.unitType)]);
  for (const unitType of types) {
    const old = new Map(
      (before.find((g) => g.unitType === unitType)?.results.units ?? []).map((u) => [u.id, u]),
    );
    const now = after.find((g) => g.unitType === unitType)?.results.units ?? [];
    const nowById = new Map(now.map((u) => [u.id, u]));
    const ids = [...nowById.keys(), ...[...old.keys()].filter((id) => !nowById.has(id))];
    for (const id of ids) {
      const a = old.get(id);
      const b = nowById.get(id);
      const oldNodes = new Map((a?.nodes ?? []).map((n) => [n.code, n]));
      const newNodes = new Map((b?.nodes ?? []).map((n) => [n.code, n]));
      const leaves: LeafChange[] = [];
      for (const node of b?.nodes ?? a?.nodes ?? []) {
        if (node.status === 'total') continue;
        const was = oldNodes.get(node.code);
        const is = newNodes.get(node.code);
        const wasLeaf = was ? leafOf(was) : null;
        const isLeaf = is ? leafOf(is) : null;
        if (!same(wasLeaf, isLeaf))
          leaves.push({ code: node.code, before: wasLeaf, after: isLeaf });
      }
      const beforeFigures = a ? figures(a) : null;
      const afterFigures = b ? figures(b) : null;
      if (leaves.length === 0 && same(beforeFigures, afterFigures)) continue;
      changes.push({
        unitType,
        unitId: id,
        name: (b ?? a)?.name ?? id,
        before: beforeFigures,
        after: afterFigures,
        leaves,
      });
    }
  }
  return changes;
}
