import {
  describeRule,
  levelName,
  serializeRule,
  type Framework,
  type ResultsPolicy,
} from '@chiso/core';
import { serializePolicy, type FrameworkRow } from '../../repositories/frameworks.js';
import { reviewOf } from './copy-review.js';

/** A framework as the API returns it: every node in order, its rule as data and in words. */
export function presentFramework(row: FrameworkRow, framework: Framework, policy: ResultsPolicy) {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    unitType: row.unitType,
    pointsDecimals: row.pointsDecimals,
    maxPoints: framework.maxPoints.toString(),
    copiedFromId: row.copiedFromId,
    previousFrameworkId: row.previousFrameworkId,
    review: reviewOf(row),
    updatedAt: row.updatedAt,
    policy: serializePolicy(policy),
    nodes: framework.nodes.map((node) => ({
      code: node.code,
      title: node.title,
      depth: node.depth,
      level: levelName(node.depth),
      parent: node.parent ?? null,
      maxPoints: node.maxPoints.toString(),
      isLeaf: node.children.length === 0,
      rule: node.rule ? serializeRule(node.rule) : null,
      ruleText: node.rule ? describeRule(node.rule, node.maxPoints) : null,
      evidence: node.evidence,
      appliesTo: node.appliesTo,
      guidance: node.guidance ?? null,
      leadOffice: node.leadOffice ?? null,
      supportingOffices: node.supportingOffices,
    })),
  };
}

export type FrameworkView = ReturnType<typeof presentFramework>;

/** A framework in the list: what it is, without its tree, policy or review list. */
export function presentFrameworkSummary(row: FrameworkRow) {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    unitType: row.unitType,
    pointsDecimals: row.pointsDecimals,
    copiedFromId: row.copiedFromId,
    previousFrameworkId: row.previousFrameworkId,
    reviewStatus: row.reviewStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
