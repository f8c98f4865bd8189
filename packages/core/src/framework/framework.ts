import type { Decimal } from '../decimal/decimal.js';
import type { Rule } from '../rules/rule.js';

/** A node as written in a framework document or file, before the tree is built. */
export interface FrameworkNodeInput {
  /** Dotted code as printed: "3", "3.4", "3.4.1". The dots give the tree. */
  code: string;
  title: string;
  maxPoints: Decimal;
  /** Leaves only; a leaf without a rule is scored manually. */
  rule?: Rule | undefined;
  /** What evidence the leaf asks for ("Kế hoạch CCHC năm", "Báo cáo quý"). */
  evidence?: string[] | undefined;
  /** Unit types the node applies to; empty means every type. */
  appliesTo?: string[] | undefined;
  /** Guidance shown to units and appraisers. */
  guidance?: string | undefined;
  /** The office that answers for the node ("Đơn vị chủ trì"), its name as written. */
  leadOffice?: string | undefined;
  /** Offices that help ("Đơn vị phối hợp"), names as written. */
  supportingOffices?: string[] | undefined;
}

export interface FrameworkInput {
  name: string;
  year?: number | undefined;
  unitType?: string | undefined;
  /** Fractional digits kept for computed points; published tables keep three. */
  pointsDecimals?: number | undefined;
  nodes: FrameworkNodeInput[];
}

export interface FrameworkNode {
  code: string;
  title: string;
  maxPoints: Decimal;
  /** Set on every leaf (manual by default), never on a parent. */
  rule: Rule | undefined;
  evidence: string[];
  appliesTo: string[];
  guidance: string | undefined;
  /** The default lead office's name as written ("Đơn vị chủ trì"); each unit resolves it. */
  leadOffice: string | undefined;
  /** The default supporting offices' names as written ("Đơn vị phối hợp"). */
  supportingOffices: string[];
  parent: string | undefined;
  children: string[];
  /** 1 for areas (lĩnh vực), 2 for criteria, … */
  depth: number;
  /** Position in `Framework.nodes`; per-unit scores are arrays in this order. */
  index: number;
  /** Positions of the children in `Framework.nodes`. */
  childIndices: number[];
}

/** A validated scoring tree: areas are the roots; every parent's max is its children's sum. */
export interface Framework {
  name: string;
  year: number | undefined;
  unitType: string | undefined;
  pointsDecimals: number;
  /** In document order. */
  nodes: FrameworkNode[];
  byCode: ReadonlyMap<string, FrameworkNode>;
  areas: FrameworkNode[];
  leaves: FrameworkNode[];
  /** Sum of the areas' maxima (usually 100). */
  maxPoints: Decimal;
}

export const DEFAULT_POINTS_DECIMALS = 3;

/** The parent code of "3.4.1" is "3.4"; areas have none. */
export function parentCode(code: string): string | undefined {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? undefined : code.slice(0, cut);
}

export function isLeaf(node: FrameworkNode): boolean {
  return node.children.length === 0;
}

/** Vietnamese name of a node's level, for messages: lĩnh vực, tiêu chí, tiêu chí thành phần. */
export function levelName(depth: number): string {
  return depth === 1 ? 'lĩnh vực' : depth === 2 ? 'tiêu chí' : 'tiêu chí thành phần';
}
