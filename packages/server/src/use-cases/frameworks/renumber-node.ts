import {
  buildFramework,
  checkCodeMap,
  codeMapSideOf,
  DomainError,
  ERROR_CODES,
  parentCode,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  listCodeLinks,
  periodsUsing,
  replaceCodeLinks,
  replaceNodes,
  updateCopyReview,
} from '../../repositories/framework-copy.js';
import {
  findFrameworkRow,
  frameworkInputOf,
  listNodes,
  loadFramework,
  touchFramework,
  type FrameworkNodeRow,
} from '../../repositories/frameworks.js';
import { renameReviewCodes, reviewOf } from './copy-review.js';
import type { FrameworkView } from './present-framework.js';
import { getFramework } from './update-framework.js';
import { authorizeIn } from '../reach.js';

const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The nodes with a subtree renamed, the subtree placed among its new siblings by number. */
function renumbered(nodes: FrameworkNodeRow[], from: string, to: string) {
  const inSubtree = (code: string) => code === from || code.startsWith(`${from}.`);
  const renamed = new Map<string, string>();
  const moved = nodes
    .filter((n) => inSubtree(n.code))
    .map((n) => {
      const code = `${to}${n.code.slice(from.length)}`;
      renamed.set(n.code, code);
      return { ...n, code };
    });
  const rest = nodes.filter((n) => !inSubtree(n.code));
  const parent = parentCode(to);
  const siblings = rest.filter((n) => parentCode(n.code) === parent);
  const next = siblings.find((n) => byCode(n.code, to) > 0);
  let at: number;
  if (next) at = rest.indexOf(next);
  else if (parent === undefined) at = rest.length;
  else {
    // After the last node under the new parent (a parent that does not exist is refused later).
    const last = rest.findLastIndex((n) => n.code === parent || n.code.startsWith(`${parent}.`));
    at = last < 0 ? rest.length : last + 1;
  }
  return { nodes: [...rest.slice(0, at), ...moved, ...rest.slice(at)], renamed };
}

/**
 * Gives a node (and everything under it) a new code, as when a ministry renumbers a criterion
 * in the new year's framework. Only before any period uses the framework, since entries and
 * results are kept by code. The code map follows: last year's leaf now continues under the
 * new code (renumbered). Audited.
 */
export async function renumberFrameworkNode(
  ctx: UseCaseContext,
  frameworkId: string,
  code: string,
  newCode: string,
): Promise<FrameworkView> {
  await authorizeIn(ctx, 'administer', { frameworkId });
  await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    const usedBy = await periodsUsing(tx, frameworkId);
    if (usedBy.length > 0) {
      throw new DomainError(
        ERROR_CODES.FRAMEWORK_IN_USE,
        `Bộ chỉ số đã được dùng cho kỳ đánh giá (${usedBy.join(', ')}): không đổi mã được nữa`,
      );
    }
    const nodes = await listNodes(tx, frameworkId);
    if (!nodes.some((n) => n.code === code))
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bộ chỉ số không có mục ${code}`);
    const invalid = (message: string) =>
      new DomainError(ERROR_CODES.VALIDATION_FAILED, `Không đổi được mã ${code}`, [
        { path: 'code', field: 'Mã mới', message },
      ]);
    if (newCode === code) throw invalid('mã mới trùng mã hiện tại');
    if (newCode.startsWith(`${code}.`))
      throw invalid(`mã mới không thể nằm dưới chính mục ${code}`);
    if (nodes.some((n) => n.code === newCode)) throw invalid(`đã có mục ${newCode}`);
    const next = renumbered(nodes, code, newCode);
    const framework = (() => {
      try {
        return buildFramework(frameworkInputOf(row, next.nodes));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        throw new DomainError(
          error.code,
          `Không đổi được mã ${code} thành ${newCode}`,
          error.issues.map((i) => ({ ...i, path: 'code', field: 'Mã mới' })),
        );
      }
    })();
    await replaceNodes(tx, frameworkId, next.nodes);
    const links = await listCodeLinks(tx, frameworkId);
    const previous = row.previousFrameworkId
      ? await loadFramework(tx, row.previousFrameworkId)
      : undefined;
    if (previous && links.length > 0) {
      const checked = checkCodeMap(
        links.map((l) => ({
          oldCode: l.oldCode,
          newCode: l.newCode === null ? null : (next.renamed.get(l.newCode) ?? l.newCode),
        })),
        codeMapSideOf(previous.framework, previous.row.year),
        codeMapSideOf(framework, row.year),
      );
      // Renaming this year's side of a sound map keeps it sound.
      if (checked.issues.length > 0) throw new Error('code map broken by a renumbering');
      await replaceCodeLinks(tx, frameworkId, row.previousFrameworkId, checked.links);
    }
    const review = reviewOf(row).copy;
    if (review) await updateCopyReview(tx, frameworkId, renameReviewCodes(review, next.renamed));
    await touchFramework(tx, frameworkId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'framework.node.renumber',
      entityType: 'framework',
      entityId: frameworkId,
      code: newCode,
      before: { code },
      after: { code: newCode, renamed: Object.fromEntries(next.renamed) },
    });
  });
  return getFramework(ctx, frameworkId);
}
