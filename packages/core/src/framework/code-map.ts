import type { Issue } from '../errors.js';
import type { Framework } from './framework.js';

/**
 * How last year's leaf codes became this year's (docs/decisions/0013-framework-copy.md). The
 * kind is never typed by anyone: it follows from the pairs, so it cannot contradict them.
 */
export type CodeMapKind = 'unchanged' | 'renumbered' | 'merged' | 'split' | 'dropped' | 'new';

export const CODE_MAP_KIND_LABELS: Record<CodeMapKind, string> = {
  unchanged: 'Giữ nguyên',
  renumbered: 'Đổi mã số',
  merged: 'Gộp',
  split: 'Tách',
  dropped: 'Không còn',
  new: 'Mới',
};

/** One row of the table: a code of last year, a code of this year, or both. */
export interface CodeLink {
  oldCode: string | null;
  newCode: string | null;
}

export interface ClassifiedLink extends CodeLink {
  kind: CodeMapKind;
}

/** One side of the table: a framework's year and its nodes (code → whether it is a leaf). */
export interface CodeMapSide {
  year: number;
  /** In document order. */
  nodes: ReadonlyMap<string, boolean>;
}

/** A built framework as one side of the table. */
export function codeMapSideOf(framework: Framework, year = framework.year ?? 0): CodeMapSide {
  return { year, nodes: new Map(framework.nodes.map((n) => [n.code, n.children.length === 0])) };
}

const clean = (code: string | null): string | null => {
  const text = code?.trim() ?? '';
  return text === '' ? null : text;
};

const leavesOf = (side: CodeMapSide) => [...side.nodes].filter(([, leaf]) => leaf).map(([c]) => c);

/** Groups of pairs that share a code: each group is one unchanged, renumbered, merge or split. */
function groupsOf(pairs: { oldCode: string; newCode: string; row: number }[]) {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const pair of pairs) parent.set(find(`o:${pair.oldCode}`), find(`n:${pair.newCode}`));
  const groups = new Map<string, { olds: Set<string>; news: Set<string>; rows: number[] }>();
  for (const pair of pairs) {
    const root = find(`o:${pair.oldCode}`);
    const group = groups.get(root) ?? { olds: new Set(), news: new Set(), rows: [] };
    group.olds.add(pair.oldCode);
    group.news.add(pair.newCode);
    group.rows.push(pair.row);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** The pairs by one of their codes, in table order. */
function groupPairs<T>(pairs: readonly T[], key: (pair: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const pair of pairs) {
    const list = out.get(key(pair));
    if (list === undefined) out.set(key(pair), [pair]);
    else list.push(pair);
  }
  return out;
}

function kindOf(group: { olds: Set<string>; news: Set<string> }, oldCode: string, newCode: string) {
  if (group.olds.size > 1) return 'merged';
  if (group.news.size > 1) return 'split';
  return oldCode === newCode ? 'unchanged' : 'renumbered';
}

/**
 * Checks a table of codes against both frameworks and completes it: a leaf named nowhere maps
 * to the same code on the other side when that one is free too, otherwise it is dropped (last
 * year) or new (this year). Rows come back in this year's order, dropped codes last.
 */
export function checkCodeMap(
  rows: readonly CodeLink[],
  old: CodeMapSide,
  next: CodeMapSide,
): { links: ClassifiedLink[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const oldField = `Mã năm ${old.year}`;
  const newField = `Mã năm ${next.year}`;
  const problem = (index: number, field: string, key: 'oldCode' | 'newCode', message: string) =>
    issues.push({ row: index + 1, field, path: `links[${index}].${key}`, message });
  const codeProblem = (side: CodeMapSide, code: string): string | undefined => {
    const leaf = side.nodes.get(code);
    if (leaf === undefined) return `không có mục "${code}" trong bộ chỉ số năm ${side.year}`;
    if (!leaf)
      return `mục ${code} của năm ${side.year} có mục con; chỉ đối chiếu các mục chấm điểm (không có mục con)`;
    return undefined;
  };

  const seen = new Map<string, number>();
  const pairs: { oldCode: string; newCode: string; row: number }[] = [];
  const dropped = new Map<string, number>();
  const added = new Map<string, number>();
  rows.forEach((row, index) => {
    const oldCode = clean(row.oldCode);
    const newCode = clean(row.newCode);
    if (oldCode === null && newCode === null) {
      problem(index, oldField, 'oldCode', `dòng trống: cần ${oldField} hoặc ${newField}`);
      return;
    }
    const oldProblem = oldCode === null ? undefined : codeProblem(old, oldCode);
    const newProblem = newCode === null ? undefined : codeProblem(next, newCode);
    if (oldProblem) problem(index, oldField, 'oldCode', oldProblem);
    if (newProblem) problem(index, newField, 'newCode', newProblem);
    if (oldProblem || newProblem) return;
    const key = `${oldCode ?? ''}→${newCode ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(index, oldField, 'oldCode', `trùng với dòng ${first + 1}`);
      return;
    }
    seen.set(key, index);
    if (oldCode !== null && newCode !== null) pairs.push({ oldCode, newCode, row: index });
    else if (oldCode !== null) dropped.set(oldCode, index);
    else if (newCode !== null) added.set(newCode, index);
  });

  const byOld = groupPairs(pairs, (p) => p.oldCode);
  const byNew = groupPairs(pairs, (p) => p.newCode);
  for (const [code, index] of dropped) {
    const to = byOld.get(code) ?? [];
    if (to.length > 0) {
      problem(
        index,
        oldField,
        'oldCode',
        `mục ${code} (năm ${old.year}) vừa được ghi là không còn, vừa chuyển sang ${to.map((p) => `${p.newCode} (dòng ${p.row + 1})`).join(', ')}`,
      );
    }
  }
  for (const [code, index] of added) {
    const from = byNew.get(code) ?? [];
    if (from.length > 0) {
      problem(
        index,
        newField,
        'newCode',
        `mục ${code} (năm ${next.year}) vừa được ghi là mới, vừa nhận từ ${from.map((p) => `${p.oldCode} (dòng ${p.row + 1})`).join(', ')}`,
      );
    }
  }
  const groups = groupsOf(pairs);
  for (const group of groups) {
    if (group.olds.size > 1 && group.news.size > 1) {
      problem(
        Math.min(...group.rows),
        oldField,
        'oldCode',
        `các mục ${[...group.olds].join(', ')} (năm ${old.year}) và ${[...group.news].join(', ')} (năm ${next.year}) nối chéo nhau: một mục cũ có thể tách thành nhiều mục mới, hoặc nhiều mục cũ gộp thành một mục mới, nhưng không cả hai trong cùng một nhóm`,
      );
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { links: [], issues };
  }

  const groupOf = new Map<string, (typeof groups)[number]>();
  for (const g of groups) for (const code of g.olds) if (!groupOf.has(code)) groupOf.set(code, g);
  const links: ClassifiedLink[] = pairs.map(({ oldCode, newCode }) => {
    const group = groupOf.get(oldCode);
    return { oldCode, newCode, kind: group ? kindOf(group, oldCode, newCode) : 'renumbered' };
  });
  const usedOld = new Set([...pairs.map((p) => p.oldCode), ...dropped.keys()]);
  const usedNew = new Set([...pairs.map((p) => p.newCode), ...added.keys()]);
  const freeOld = leavesOf(old).filter((c) => !usedOld.has(c));
  const freeNew = new Set(leavesOf(next).filter((c) => !usedNew.has(c)));
  for (const code of freeOld) {
    if (freeNew.delete(code)) links.push({ oldCode: code, newCode: code, kind: 'unchanged' });
    else dropped.set(code, -1);
  }
  for (const code of freeNew) added.set(code, -1);
  for (const code of added.keys()) links.push({ oldCode: null, newCode: code, kind: 'new' });
  for (const code of dropped.keys()) links.push({ oldCode: code, newCode: null, kind: 'dropped' });
  return { links: sortLinks(links, old, next), issues: [] };
}

/** The table a copy starts with: every leaf to itself, the rest dropped or new. */
export function defaultCodeMap(old: CodeMapSide, next: CodeMapSide): ClassifiedLink[] {
  return checkCodeMap([], old, next).links;
}

function sortLinks(links: ClassifiedLink[], old: CodeMapSide, next: CodeMapSide) {
  const order = (side: CodeMapSide) => new Map([...side.nodes.keys()].map((c, i) => [c, i]));
  const oldOrder = order(old);
  const newOrder = order(next);
  const rank = (code: string | null, map: Map<string, number>) =>
    code === null ? Number.MAX_SAFE_INTEGER : (map.get(code) ?? Number.MAX_SAFE_INTEGER);
  return [...links].sort(
    (a, b) =>
      rank(a.newCode, newOrder) - rank(b.newCode, newOrder) ||
      rank(a.oldCode, oldOrder) - rank(b.oldCode, oldOrder),
  );
}
