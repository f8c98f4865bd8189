import type { PolicyJson } from '@chiso/contract';
import {
  buildFramework,
  Decimal,
  DEFAULT_POLICY,
  policySchema,
  ruleSchema,
  serializeRule,
  type Framework,
  type FrameworkInput,
  type ResultsPolicy,
} from '@chiso/core';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { periodFrameworksQuery } from './period-queries.js';
import { frameworkNodes, frameworks, periodFrameworks, periods } from '../db/schema.js';

export type FrameworkRow = typeof frameworks.$inferSelect;
export type FrameworkNodeRow = typeof frameworkNodes.$inferSelect;

/** A stored framework with its nodes, ready for the core. */
export interface StoredFramework {
  row: FrameworkRow;
  framework: Framework;
  policy: ResultsPolicy;
}

/** The JSON a policy is stored as (decimals as strings). */
/** The policy as JSON: its decimals become their exact text (Decimal.toJSON). */
export function serializePolicy(policy: ResultsPolicy): PolicyJson {
  return JSON.parse(JSON.stringify(policy)) as PolicyJson;
}

export async function insertFramework(
  db: Db,
  input: FrameworkInput & { year: number; unitType: string },
  policy: ResultsPolicy = DEFAULT_POLICY,
  copiedFromId: string | null = null,
  review: Partial<
    Pick<
      typeof frameworks.$inferInsert,
      'previousFrameworkId' | 'reviewStatus' | 'copyReview' | 'ownerUnitId'
    >
  > = {},
): Promise<FrameworkRow> {
  const [row] = await db
    .insert(frameworks)
    .values({
      name: input.name,
      year: input.year,
      unitType: input.unitType,
      pointsDecimals: input.pointsDecimals ?? 3,
      policy: serializePolicy(policy),
      copiedFromId,
      ...review,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (input.nodes.length > 0) {
    await db.insert(frameworkNodes).values(
      input.nodes.map((node, position) => ({
        frameworkId: row.id,
        code: node.code,
        position,
        title: node.title,
        maxPoints: node.maxPoints.toString(),
        rule: node.rule ? serializeRule(node.rule) : null,
        evidence: node.evidence ?? [],
        appliesTo: node.appliesTo ?? [],
        guidance: node.guidance ?? null,
        leadOffice: node.leadOffice ?? null,
        supportingOffices: node.supportingOffices ?? [],
      })),
    );
  }
  return row;
}

export async function findFrameworkRow(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  return row;
}

export async function listFrameworkRows(db: Db): Promise<FrameworkRow[]> {
  return db
    .select()
    .from(frameworks)
    .orderBy(desc(frameworks.year), asc(frameworks.unitType), asc(frameworks.name));
}

export async function listNodes(db: Db, frameworkId: string): Promise<FrameworkNodeRow[]> {
  return db
    .select()
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, frameworkId))
    .orderBy(asc(frameworkNodes.position));
}

/** Stored rows as the input the core builds a framework from. */
export function frameworkInputOf(
  row: FrameworkRow,
  nodes: readonly FrameworkNodeRow[],
): FrameworkInput {
  return {
    name: row.name,
    year: row.year,
    unitType: row.unitType,
    pointsDecimals: row.pointsDecimals,
    nodes: nodes.map((node) => ({
      code: node.code,
      title: node.title,
      maxPoints: Decimal.of(node.maxPoints),
      rule: node.rule === null ? undefined : ruleSchema.parse(node.rule),
      evidence: node.evidence as string[],
      appliesTo: node.appliesTo as string[],
      guidance: node.guidance ?? undefined,
      leadOffice: node.leadOffice ?? undefined,
      supportingOffices: node.supportingOffices as string[],
    })),
  };
}

export async function loadFramework(db: Db, id: string): Promise<StoredFramework | undefined> {
  const row = await findFrameworkRow(db, id);
  if (!row) return undefined;
  const nodes = await listNodes(db, id);
  return {
    row,
    framework: buildFramework(frameworkInputOf(row, nodes)),
    policy: policySchema.parse(row.policy),
  };
}

export async function updateNode(
  db: Db,
  frameworkId: string,
  code: string,
  changes: Partial<
    Pick<
      FrameworkNodeRow,
      'rule' | 'evidence' | 'appliesTo' | 'guidance' | 'title' | 'leadOffice' | 'supportingOffices'
    >
  >,
): Promise<void> {
  await db
    .update(frameworkNodes)
    .set(changes)
    .where(and(eq(frameworkNodes.frameworkId, frameworkId), eq(frameworkNodes.code, code)));
}

export async function touchFramework(
  db: Db,
  id: string,
  now: Date,
  policy?: ResultsPolicy,
): Promise<void> {
  await db
    .update(frameworks)
    .set({ updatedAt: now, ...(policy ? { policy: serializePolicy(policy) } : {}) })
    .where(eq(frameworks.id, id));
}

/** Names of the periods not yet published that use a framework. */
export async function openPeriodsUsing(db: Db, frameworkId: string): Promise<string[]> {
  const rows = await db
    .select({ name: periods.name })
    .from(periodFrameworks)
    .innerJoin(periods, eq(periods.id, periodFrameworks.periodId))
    .where(and(eq(periodFrameworks.frameworkId, frameworkId), ne(periods.status, 'published')));
  return rows.map((r) => r.name);
}

export async function frameworksOfPeriod(db: Db, periodId: string) {
  return periodFrameworksQuery(db, periodId);
}

export async function frameworkRowsByIds(db: Db, ids: string[]): Promise<FrameworkRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(frameworks).where(inArray(frameworks.id, ids));
}
