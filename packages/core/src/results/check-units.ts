import type { Issue } from '../errors.js';
import type { Framework } from '../framework/framework.js';
import type { UnitInput } from './score-unit.js';

/** Problems in how units refer to the framework: duplicate ids, unknown or non-leaf codes. */
export function checkUnits(framework: Framework, units: readonly UnitInput[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  units.forEach((unit, i) => {
    const path = `units[${i}]`;
    const first = seen.get(unit.id);
    if (first !== undefined) {
      issues.push({
        path: `${path}.id`,
        message: `mã đơn vị "${unit.id}" trùng với units[${first}]`,
      });
    } else {
      seen.set(unit.id, i);
    }
    const checkCode = (code: string, field: string, leafOnly: boolean) => {
      const node = framework.byCode.get(code);
      if (!node) {
        issues.push({
          path: `${path}.${field}.${code}`,
          message: `mã ${code} không có trong bộ chỉ số`,
        });
      } else if (leafOnly && node.children.length > 0) {
        issues.push({
          path: `${path}.${field}.${code}`,
          message: `${code} có mục con; hãy nhập cho từng mục con (${node.children.join(', ')})`,
        });
      }
    };
    for (const code of unit.points.keys()) checkCode(code, 'points', true);
    for (const code of unit.facts.keys()) checkCode(code, 'facts', true);
    for (const code of unit.notApplicable) checkCode(code, 'notApplicable', false);
  });
  return issues;
}
