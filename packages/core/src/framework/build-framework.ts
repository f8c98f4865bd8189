import { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { checkRule } from '../rules/check-rule.js';
import { exact } from '../rules/outcome.js';
import {
  DEFAULT_POINTS_DECIMALS,
  levelName,
  parentCode,
  type Framework,
  type FrameworkInput,
  type FrameworkNode,
} from './framework.js';

/** A problem with one node of a framework, by its position in the input list. */
export interface FrameworkIssue {
  nodeIndex: number;
  field: 'code' | 'title' | 'maxPoints' | 'rule';
  message: string;
}

const CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

/** Every inconsistency of a framework's nodes; empty when the tree is sound. */
export function checkFrameworkNodes(input: FrameworkInput): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const firstIndex = new Map<string, number>();
  input.nodes.forEach((node, nodeIndex) => {
    if (!CODE.test(node.code)) {
      issues.push({
        nodeIndex,
        field: 'code',
        message: `mã "${node.code}" không đúng dạng 1, 1.2, 1.2.3`,
      });
      return;
    }
    const seen = firstIndex.get(node.code);
    if (seen !== undefined) {
      issues.push({ nodeIndex, field: 'code', message: `mã ${node.code} bị trùng` });
      return;
    }
    firstIndex.set(node.code, nodeIndex);
    if (node.title.trim() === '') issues.push({ nodeIndex, field: 'title', message: 'thiếu tên' });
    if (node.maxPoints.isNegative()) {
      issues.push({ nodeIndex, field: 'maxPoints', message: 'điểm tối đa không được âm' });
    }
  });

  const children = new Map<string, number[]>();
  input.nodes.forEach((node, nodeIndex) => {
    if (firstIndex.get(node.code) !== nodeIndex) return;
    const parent = parentCode(node.code);
    if (parent === undefined) return;
    if (!firstIndex.has(parent)) {
      issues.push({
        nodeIndex,
        field: 'code',
        message: `mã ${node.code} không có mục cha ${parent}`,
      });
      return;
    }
    children.set(parent, [...(children.get(parent) ?? []), nodeIndex]);
  });

  input.nodes.forEach((node, nodeIndex) => {
    if (firstIndex.get(node.code) !== nodeIndex) return;
    const kids = children.get(node.code);
    if (kids === undefined) {
      if (node.rule) {
        for (const problem of checkRule(node.rule, node.maxPoints)) {
          issues.push({ nodeIndex, field: 'rule', message: `quy tắc chấm: ${problem}` });
        }
      }
      return;
    }
    if (node.rule) {
      issues.push({
        nodeIndex,
        field: 'rule',
        message: `${node.code} có mục con nên không có quy tắc chấm riêng (điểm là tổng các mục con)`,
      });
    }
    const sum = Decimal.sum(kids.map((i) => input.nodes[i]?.maxPoints ?? Decimal.ZERO));
    if (!sum.equals(node.maxPoints)) {
      const depth = node.code.split('.').length;
      issues.push({
        nodeIndex,
        field: 'maxPoints',
        message: `${levelName(depth)} ${node.code} có điểm tối đa ${exact(node.maxPoints)} nhưng tổng điểm tối đa các mục con là ${exact(sum)}`,
      });
    }
  });
  return issues;
}

/** Builds the tree or throws FRAMEWORK_INVALID with every problem, each at nodes[i].field. */
export function buildFramework(input: FrameworkInput): Framework {
  const pointsDecimals = input.pointsDecimals ?? DEFAULT_POINTS_DECIMALS;
  const issues: Issue[] = checkFrameworkNodes(input).map((issue) => ({
    path: `nodes[${issue.nodeIndex}].${issue.field}`,
    message: issue.message,
  }));
  if (!Number.isInteger(pointsDecimals) || pointsDecimals < 0 || pointsDecimals > Decimal.SCALE) {
    issues.push({ path: 'pointsDecimals', message: `phải là số nguyên từ 0 đến ${Decimal.SCALE}` });
  }
  if (input.nodes.length === 0)
    issues.push({ path: 'nodes', message: 'bộ chỉ số chưa có mục nào' });
  if (issues.length > 0) {
    throw new DomainError(ERROR_CODES.FRAMEWORK_INVALID, 'Bộ chỉ số không hợp lệ', issues);
  }
  return assemble(input, pointsDecimals);
}

function assemble(input: FrameworkInput, pointsDecimals: number): Framework {
  const nodes: FrameworkNode[] = input.nodes.map((node, index) => ({
    code: node.code,
    title: node.title.trim(),
    maxPoints: node.maxPoints,
    rule: node.rule,
    evidence: node.evidence ?? [],
    appliesTo: node.appliesTo ?? [],
    guidance: node.guidance,
    leadOffice: node.leadOffice,
    supportingOffices: node.supportingOffices ?? [],
    parent: parentCode(node.code),
    children: [],
    depth: node.code.split('.').length,
    index,
    childIndices: [],
  }));
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  for (const node of nodes) {
    const parent = node.parent === undefined ? undefined : byCode.get(node.parent);
    parent?.children.push(node.code);
    parent?.childIndices.push(node.index);
  }
  for (const node of nodes) {
    if (node.children.length === 0 && node.rule === undefined) node.rule = { kind: 'manual' };
  }
  const areas = nodes.filter((node) => node.parent === undefined);
  return {
    name: input.name,
    year: input.year,
    unitType: input.unitType,
    pointsDecimals,
    nodes,
    byCode,
    areas,
    leaves: nodes.filter((node) => node.children.length === 0),
    maxPoints: Decimal.sum(areas.map((area) => area.maxPoints)),
  };
}
