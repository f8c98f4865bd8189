import { checkCodeMap, DomainError, ERROR_CODES, type CodeLink } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  listCodeLinks,
  periodsUsing,
  replaceCodeLinks,
} from '../../repositories/framework-copy.js';
import { findFrameworkRow, touchFramework } from '../../repositories/frameworks.js';
import { loadCodeMapFrameworks, sideOf, type CodeMapView } from './code-map-view.js';
import { getCodeMap } from './get-code-map.js';
import { authorizeIn } from '../reach.js';

export interface CodeMapInput {
  /** The framework last year's codes belong to; null removes the map. */
  previousFrameworkId: string | null;
  links: CodeLink[];
}

/**
 * Stores which of last year's leaves each leaf continues, checked against both frameworks and
 * completed (decision 0013). Editable until a period uses the framework: from then on results
 * are compared through it. Audited with the table before and after.
 */
export async function saveCodeMap(
  ctx: UseCaseContext,
  frameworkId: string,
  input: CodeMapInput,
): Promise<CodeMapView> {
  await authorizeIn(ctx, 'administer', { frameworkId });
  await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    const usedBy = await periodsUsing(tx, frameworkId);
    if (usedBy.length > 0) {
      throw new DomainError(
        ERROR_CODES.FRAMEWORK_IN_USE,
        `Bộ chỉ số đã được dùng cho kỳ đánh giá (${usedBy.join(', ')}): bảng đối chiếu mã không còn sửa được`,
      );
    }
    const frameworks = await loadCodeMapFrameworks(tx, frameworkId, input.previousFrameworkId);
    let links: Awaited<ReturnType<typeof listCodeLinks>> = [];
    if (frameworks.previous) {
      const checked = checkCodeMap(
        input.links,
        sideOf(frameworks.previous),
        sideOf(frameworks.current),
      );
      if (checked.issues.length > 0) {
        throw new DomainError(
          ERROR_CODES.VALIDATION_FAILED,
          'Bảng đối chiếu mã chưa đúng, chưa lưu',
          checked.issues,
        );
      }
      links = checked.links;
    }
    const before = {
      previousFrameworkId: row.previousFrameworkId,
      links: await listCodeLinks(tx, frameworkId),
    };
    await replaceCodeLinks(tx, frameworkId, input.previousFrameworkId, links);
    await touchFramework(tx, frameworkId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'framework.codeMap.save',
      entityType: 'framework',
      entityId: frameworkId,
      before,
      after: { previousFrameworkId: input.previousFrameworkId, links },
    });
  });
  return getCodeMap(ctx, frameworkId);
}
