import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  frameworkInputOf,
  insertFramework,
  listNodes,
  findFrameworkRow,
} from '../../repositories/frameworks.js';
import { authorize } from '../authorize.js';
import { getFramework } from './update-framework.js';
import type { FrameworkView } from './present-framework.js';
import { policySchema } from '@chiso/core';

/** Starts a new year's framework from an existing one: same tree, rules and policy. */
export async function copyFramework(
  ctx: UseCaseContext,
  frameworkId: string,
  input: { year: number; name?: string | undefined },
): Promise<FrameworkView> {
  authorize(ctx, 'administer');
  const id = await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    const source = frameworkInputOf(row, await listNodes(tx, frameworkId));
    const name = input.name ?? row.name.replace(String(row.year), String(input.year));
    const copy = await insertFramework(
      tx,
      {
        ...source,
        name: name === row.name ? `${row.name} (${input.year})` : name,
        year: input.year,
        unitType: row.unitType,
      },
      policySchema.parse(row.policy),
      row.id,
    );
    await recordAudit(tx, ctx, {
      action: 'framework.copy',
      entityType: 'framework',
      entityId: copy.id,
      after: { from: row.id, name: copy.name, year: copy.year },
    });
    return copy.id;
  });
  return getFramework(ctx, id);
}
