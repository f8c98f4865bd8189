import {
  buildFramework,
  DomainError,
  ERROR_CODES,
  officeKey,
  serializeRule,
  type ResultsPolicy,
  type Rule,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  frameworkInputOf,
  listNodes,
  loadFramework,
  openPeriodsUsing,
  serializePolicy,
  touchFramework,
  updateNode,
  findFrameworkRow,
} from '../../repositories/frameworks.js';
import { presentFramework, type FrameworkView } from './present-framework.js';
import { authorizeIn } from '../reach.js';

export interface NodeChanges {
  rule?: Rule | null | undefined;
  evidence?: string[] | undefined;
  appliesTo?: string[] | undefined;
  guidance?: string | null | undefined;
  title?: string | undefined;
  leadOffice?: string | null | undefined;
  supportingOffices?: string[] | undefined;
}

/**
 * The default offices as stored: an empty lead is none; supporting names written twice (as
 * people write them, decision 0019) are kept once, and the lead cannot also support.
 */
function defaultOffices(
  changes: NodeChanges,
  stored: { leadOffice: string | null; supportingOffices: unknown },
) {
  const lead = changes.leadOffice === undefined ? undefined : changes.leadOffice?.trim() || null;
  const keys = new Set<string>();
  const supporting = changes.supportingOffices?.filter((name) => {
    const key = officeKey(name);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  const leadName = lead === undefined ? stored.leadOffice : lead;
  const supportingNames = supporting ?? (stored.supportingOffices as string[]);
  const clash =
    leadName === null
      ? undefined
      : supportingNames.find((n) => officeKey(n) === officeKey(leadName));
  if ((lead !== undefined || supporting !== undefined) && clash !== undefined) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị phối hợp không hợp lệ', [
      {
        path: 'supportingOffices',
        message: `"${clash}" đã là đơn vị chủ trì; hãy bỏ khỏi danh sách đơn vị phối hợp`,
      },
    ]);
  }
  return { lead, supporting };
}

/** Refuses a change to a framework that a period not yet published is using. */
export async function ensureNotInUse(db: Db, frameworkId: string): Promise<void> {
  const periods = await openPeriodsUsing(db, frameworkId);
  if (periods.length > 0) {
    throw new DomainError(
      ERROR_CODES.FRAMEWORK_IN_USE,
      `Bộ chỉ số đang được dùng cho kỳ đánh giá chưa công bố (${periods.join(', ')}); hãy sao chép thành bản mới để sửa`,
    );
  }
}

/**
 * Changes a node's rule, evidence asked for, applicability, guidance or default offices; the
 * tree is re-checked.
 */
export async function updateFrameworkNode(
  ctx: UseCaseContext,
  frameworkId: string,
  code: string,
  changes: NodeChanges,
): Promise<FrameworkView> {
  await authorizeIn(ctx, 'administer', { frameworkId });
  const { db } = ctx.deps;
  await db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    await ensureNotInUse(tx, frameworkId);
    const nodes = await listNodes(tx, frameworkId);
    const node = nodes.find((n) => n.code === code);
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có mục ${code}`);
    const rule =
      changes.rule === undefined
        ? undefined
        : changes.rule === null
          ? null
          : serializeRule(changes.rule);
    const offices = defaultOffices(changes, node);
    const next = {
      ...(rule === undefined ? {} : { rule }),
      ...(changes.evidence === undefined ? {} : { evidence: changes.evidence }),
      ...(changes.appliesTo === undefined ? {} : { appliesTo: changes.appliesTo }),
      ...(changes.guidance === undefined ? {} : { guidance: changes.guidance }),
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(offices.lead === undefined ? {} : { leadOffice: offices.lead }),
      ...(offices.supporting === undefined ? {} : { supportingOffices: offices.supporting }),
    };
    // Build the changed tree first: a rule that does not fit its max is refused with the reason.
    const input = frameworkInputOf(
      row,
      nodes.map((n) => (n.code === code ? { ...n, ...next } : n)),
    );
    try {
      buildFramework(input);
    } catch (error) {
      if (error instanceof DomainError) {
        throw new DomainError(
          error.code,
          error.message,
          error.issues.map((i) => ({ ...i, path: 'rule' })),
        );
      }
      throw error;
    }
    await updateNode(tx, frameworkId, code, next);
    await touchFramework(tx, frameworkId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'framework.node.update',
      entityType: 'framework',
      entityId: frameworkId,
      code,
      before: {
        rule: node.rule,
        evidence: node.evidence,
        appliesTo: node.appliesTo,
        guidance: node.guidance,
        title: node.title,
        leadOffice: node.leadOffice,
        supportingOffices: node.supportingOffices,
      },
      after: next,
    });
  });
  return getFramework(ctx, frameworkId);
}

export async function updateFrameworkPolicy(
  ctx: UseCaseContext,
  frameworkId: string,
  policy: ResultsPolicy,
): Promise<FrameworkView> {
  await authorizeIn(ctx, 'administer', { frameworkId });
  await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    await ensureNotInUse(tx, frameworkId);
    await touchFramework(tx, frameworkId, ctx.now, policy);
    await recordAudit(tx, ctx, {
      action: 'framework.policy.update',
      entityType: 'framework',
      entityId: frameworkId,
      before: row.policy,
      after: serializePolicy(policy),
    });
  });
  return getFramework(ctx, frameworkId);
}

/** Any signed-in user may read a framework: units need its guidance to assess themselves. */
export async function getFramework(
  ctx: UseCaseContext,
  frameworkId: string,
): Promise<FrameworkView> {
  if (!ctx.actor)
    throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Bạn cần đăng nhập để thực hiện việc này');
  const stored = await loadFramework(ctx.deps.db, frameworkId);
  if (!stored) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
  return presentFramework(stored.row, stored.framework, stored.policy);
}
