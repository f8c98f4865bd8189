import {
  CODE_MAP_KIND_LABELS,
  codeMapSideOf,
  DomainError,
  ERROR_CODES,
  type ClassifiedLink,
  type CodeMapSide,
  type Framework,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import {
  listFrameworkRows,
  loadFramework,
  type FrameworkRow,
  type StoredFramework,
} from '../../repositories/frameworks.js';

/** Both frameworks of a code map: this year's, and the one its old codes belong to. */
export interface CodeMapFrameworks {
  current: StoredFramework;
  previous: StoredFramework | undefined;
}

export const sideOf = (stored: StoredFramework): CodeMapSide =>
  codeMapSideOf(stored.framework, stored.row.year);

/** Loads a framework and the one it maps from; the latter must be another of the same unit type. */
export async function loadCodeMapFrameworks(
  db: Db,
  frameworkId: string,
  previousId: string | null,
): Promise<CodeMapFrameworks> {
  const current = await loadFramework(db, frameworkId);
  if (!current) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
  if (previousId === null) return { current, previous: undefined };
  const previous = await loadFramework(db, previousId);
  const problem = !previous
    ? 'không có bộ chỉ số này'
    : previous.row.id === current.row.id
      ? 'không thể đối chiếu bộ chỉ số với chính nó'
      : previous.row.unitType !== current.row.unitType
        ? `bộ chỉ số "${previous.row.name}" dành cho loại đơn vị khác`
        : previous.row.year >= current.row.year
          ? `bộ chỉ số "${previous.row.name}" là của năm ${previous.row.year}, không phải năm trước ${current.row.year}`
          : undefined;
  if (problem) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Bộ chỉ số năm trước không hợp lệ', [
      { path: 'previousFrameworkId', field: 'Bộ chỉ số năm trước', message: problem },
    ]);
  }
  return { current, previous };
}

/** Frameworks a framework may map from: same unit type, an earlier year, newest first. */
export async function codeMapCandidates(db: Db, row: FrameworkRow) {
  return (await listFrameworkRows(db))
    .filter((f) => f.unitType === row.unitType && f.id !== row.id && f.year < row.year)
    .sort((a, b) => b.year - a.year)
    .map((f) => ({ id: f.id, name: f.name, year: f.year }));
}

const leaves = (framework: Framework) =>
  framework.leaves.map((leaf) => ({ code: leaf.code, title: leaf.title }));

/** The code map as the API returns it: each row with both titles and its kind in words. */
export function presentCodeMap(
  frameworks: CodeMapFrameworks,
  links: readonly ClassifiedLink[],
  extra: {
    stored: boolean;
    usedBy: string[];
    candidates: { id: string; name: string; year: number }[];
  },
) {
  const { current, previous } = frameworks;
  const title = (framework: Framework | undefined, code: string | null) =>
    code === null ? null : (framework?.byCode.get(code)?.title ?? null);
  return {
    frameworkId: current.row.id,
    year: current.row.year,
    previous: previous
      ? { id: previous.row.id, name: previous.row.name, year: previous.row.year }
      : null,
    stored: extra.stored,
    editable: extra.usedBy.length === 0,
    usedBy: extra.usedBy,
    candidates: extra.candidates,
    oldLeaves: previous ? leaves(previous.framework) : [],
    newLeaves: leaves(current.framework),
    links: links.map((link) => ({
      oldCode: link.oldCode,
      oldTitle: title(previous?.framework, link.oldCode),
      newCode: link.newCode,
      newTitle: title(current.framework, link.newCode),
      kind: link.kind,
      kindLabel: CODE_MAP_KIND_LABELS[link.kind],
    })),
  };
}

export type CodeMapView = ReturnType<typeof presentCodeMap>;
