import { DomainError, ERROR_CODES } from '@chiso/core';
import type { Deps, UseCaseContext } from '../../context.js';
import type { ImportJobView } from '../../repositories/import-jobs.js';
import { actorOf, findUserById } from '../../repositories/users.js';
import { importKind, type ImportKind } from './import-kinds.js';

/**
 * The job's kind and the context of its requester, as the request would have had it: the
 * account read again (a deactivated one's import fails), the client's address kept on the row.
 */
export async function requesterContext(
  deps: Deps,
  job: ImportJobView,
  now: Date,
  options: { decided?: boolean } = {},
): Promise<{ kind: ImportKind; ctx: UseCaseContext; parameters: Record<string, unknown> }> {
  const kind = importKind(job.kind);
  const user = await findUserById(deps.db, job.requestedBy);
  if (!kind || !user || (!user.active && !options.decided))
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      !kind ? `Không có kiểu nhập "${job.kind}"` : 'Tài khoản gửi tệp không còn hoạt động',
    );
  const { ip, ...parameters } = job.parameters as Record<string, unknown>;
  const ctx: UseCaseContext = {
    actor: actorOf(user),
    ip: typeof ip === 'string' ? ip : '',
    now,
    deps,
  };
  return { kind, ctx, parameters };
}
