import { defaultCodeMap, DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listCodeLinks, periodsUsing } from '../../repositories/framework-copy.js';
import { findFrameworkRow } from '../../repositories/frameworks.js';
import {
  codeMapCandidates,
  loadCodeMapFrameworks,
  presentCodeMap,
  sideOf,
  type CodeMapView,
} from './code-map-view.js';

/**
 * A framework's code map from last year. With `from`, the table that framework would start
 * with (every leaf to itself), so the administrator can choose it before saving; nothing is
 * stored by reading. Anyone signed in may read it, as they may read the framework.
 */
export async function getCodeMap(
  ctx: UseCaseContext,
  frameworkId: string,
  from?: string,
): Promise<CodeMapView> {
  if (!ctx.actor)
    throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Bạn cần đăng nhập để thực hiện việc này');
  const { db } = ctx.deps;
  const row = await findFrameworkRow(db, frameworkId);
  if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
  const previousId = from ?? row.previousFrameworkId;
  const frameworks = await loadCodeMapFrameworks(db, frameworkId, previousId);
  const stored = from === undefined || from === row.previousFrameworkId;
  const links = stored ? await listCodeLinks(db, frameworkId) : [];
  const shown =
    links.length > 0 || !frameworks.previous
      ? links
      : defaultCodeMap(sideOf(frameworks.previous), sideOf(frameworks.current));
  return presentCodeMap(frameworks, shown, {
    stored: links.length > 0,
    usedBy: await periodsUsing(db, frameworkId),
    candidates: await codeMapCandidates(db, row),
  });
}
