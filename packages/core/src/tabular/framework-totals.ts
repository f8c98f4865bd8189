import { Decimal } from '../decimal/decimal.js';
import type { Issue } from '../errors.js';
import { parentCode, type FrameworkNodeInput } from '../framework/framework.js';
import { exact } from '../rules/outcome.js';
import type { LocatedColumns } from './columns.js';
import { cellDecimal, cellIssue, isBlank, type Table } from './table.js';

/**
 * Checks the sums a framework table states besides the maxima: points achieved of a parent
 * against its children's, achieved against max, and the total row ("TỔNG ĐIỂM").
 */
export function checkTotals(
  table: Table,
  located: LocatedColumns<string>,
  nodes: readonly FrameworkNodeInput[],
  nodeRows: readonly number[],
  achieved: ReadonlyMap<string, Decimal>,
  totalRow: number | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const achievedCol = located.columns.get('achieved');
  const maxCol = located.columns.get('maxPoints');
  const header = (c: number | undefined) => (c === undefined ? undefined : located.headers[c]);
  const children = new Map<string, FrameworkNodeInput[]>();
  for (const node of nodes) {
    const parent = parentCode(node.code);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  nodes.forEach((node, i) => {
    const row = nodeRows[i] ?? 0;
    const points = achieved.get(node.code);
    if (points === undefined) return;
    if (points.gt(node.maxPoints)) {
      issues.push(
        cellIssue(
          table,
          row,
          achievedCol,
          header(achievedCol),
          `điểm đạt ${exact(points)} lớn hơn điểm chuẩn ${exact(node.maxPoints)}`,
        ),
      );
    }
    const kids = children.get(node.code);
    if (!kids || kids.some((kid) => !achieved.has(kid.code))) return;
    const sum = Decimal.sum(kids.map((kid) => achieved.get(kid.code) ?? Decimal.ZERO));
    if (!sameAsWritten(points, sum)) {
      issues.push(
        cellIssue(
          table,
          row,
          achievedCol,
          header(achievedCol),
          `điểm đạt ${exact(points)} khác tổng điểm đạt các mục con là ${exact(sum)}`,
        ),
      );
    }
  });
  if (totalRow === undefined) return issues;
  const row = table.rows[totalRow] ?? [];
  const areas = nodes.filter((node) => parentCode(node.code) === undefined);
  const compare = (c: number | undefined, expected: Decimal | undefined, what: string) => {
    if (c === undefined || expected === undefined || isBlank(row[c])) return;
    const stated = cellDecimal(row[c]);
    if (!stated.ok) {
      issues.push(cellIssue(table, totalRow, c, header(c), stated.reason));
    } else if (!sameAsWritten(stated.value, expected)) {
      issues.push(
        cellIssue(
          table,
          totalRow,
          c,
          header(c),
          `dòng tổng ghi ${exact(stated.value)} nhưng tổng ${what} các lĩnh vực là ${exact(expected)}`,
        ),
      );
    }
  };
  compare(maxCol, Decimal.sum(areas.map((a) => a.maxPoints)), 'điểm chuẩn');
  const allAchieved = areas.every((a) => achieved.has(a.code));
  compare(
    achievedCol,
    allAchieved ? Decimal.sum(areas.map((a) => achieved.get(a.code) ?? Decimal.ZERO)) : undefined,
    'điểm đạt',
  );
  return issues;
}

/**
 * A stated sum agrees when it is the exact sum, or the exact sum rounded to the digits the
 * document shows (the appendix of seed 004 writes 78,42 for 78,422).
 */
function sameAsWritten(stated: Decimal, exactSum: Decimal): boolean {
  if (stated.equals(exactSum)) return true;
  const digits = stated.fractionDigits();
  return digits < exactSum.fractionDigits() && exactSum.toRatio().round(digits).equals(stated);
}
