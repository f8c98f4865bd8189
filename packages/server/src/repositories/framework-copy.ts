import type { ClassifiedLink, CodeMapKind } from '@chiso/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import {
  frameworkCodeLinks,
  frameworkNodes,
  frameworks,
  periodFrameworks,
  periods,
} from '../db/schema.js';
import type { FrameworkNodeRow } from './frameworks.js';

/** The stored code map of a framework, in table order. */
export async function listCodeLinks(db: Db, frameworkId: string): Promise<ClassifiedLink[]> {
  const rows = await db
    .select()
    .from(frameworkCodeLinks)
    .where(eq(frameworkCodeLinks.frameworkId, frameworkId))
    .orderBy(asc(frameworkCodeLinks.position));
  return rows.map((r) => ({ oldCode: r.oldCode, newCode: r.newCode, kind: r.kind as CodeMapKind }));
}

/** Replaces a framework's code map and the framework it maps from. */
export async function replaceCodeLinks(
  db: Db,
  frameworkId: string,
  previousFrameworkId: string | null,
  links: readonly ClassifiedLink[],
): Promise<void> {
  await db.delete(frameworkCodeLinks).where(eq(frameworkCodeLinks.frameworkId, frameworkId));
  if (links.length > 0) {
    await db
      .insert(frameworkCodeLinks)
      .values(links.map((link, position) => ({ frameworkId, position, ...link })));
  }
  await db.update(frameworks).set({ previousFrameworkId }).where(eq(frameworks.id, frameworkId));
}

/** Names of every period that uses a framework, published or not. */
export async function periodsUsing(db: Db, frameworkId: string): Promise<string[]> {
  const rows = await db
    .select({ name: periods.name })
    .from(periodFrameworks)
    .innerJoin(periods, eq(periods.id, periodFrameworks.periodId))
    .where(eq(periodFrameworks.frameworkId, frameworkId));
  return rows.map((r) => r.name);
}

export async function markReviewed(
  db: Db,
  frameworkId: string,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .update(frameworks)
    .set({ reviewStatus: 'reviewed', reviewedAt: at, reviewedBy: by, updatedAt: at })
    .where(eq(frameworks.id, frameworkId));
}

/** Writes a framework's nodes anew, in the order given (codes are the key, so a renumbering). */
export async function replaceNodes(
  db: Db,
  frameworkId: string,
  nodes: readonly FrameworkNodeRow[],
): Promise<void> {
  await db.delete(frameworkNodes).where(eq(frameworkNodes.frameworkId, frameworkId));
  await db
    .insert(frameworkNodes)
    .values(nodes.map((node, position) => ({ ...node, frameworkId, position })));
}

export async function updateCopyReview(db: Db, frameworkId: string, review: unknown) {
  await db.update(frameworks).set({ copyReview: review }).where(eq(frameworks.id, frameworkId));
}

/** The mirror of `listCodeLinks` for the page's framework, for a cached answer (0051). */
export const CODE_LINKS_READ = xminFingerprint(
  'code links',
  'framework_code_links',
  't.framework_id = $5',
);
