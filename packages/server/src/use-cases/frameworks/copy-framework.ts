import {
  buildFramework,
  codeMapSideOf,
  defaultCodeMap,
  DomainError,
  ERROR_CODES,
  policySchema,
  shiftFrameworkYears,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { replaceCodeLinks } from '../../repositories/framework-copy.js';
import {
  findFrameworkRow,
  frameworkInputOf,
  insertFramework,
  listNodes,
} from '../../repositories/frameworks.js';
import { copyNodeOffices } from '../../repositories/offices.js';
import { authorizeIn } from '../reach.js';
import type { CopyReview } from './copy-review.js';
import type { FrameworkView } from './present-framework.js';
import { getFramework } from './update-framework.js';

/**
 * Starts a new year's framework from an existing one: same tree, rules and policy, every date
 * in the rules moved by the years between (decision 0013). What moved and what could not be
 * decided is stored with the copy, which cannot be used by a period until the administrator
 * has reviewed it. Last year's codes map to themselves until the administrator says otherwise.
 */
export async function copyFramework(
  ctx: UseCaseContext,
  frameworkId: string,
  input: { year: number; name?: string | undefined },
): Promise<FrameworkView> {
  // The copy is kept by the copier's secretariat (the install's: the source's keeper).
  const actor = await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const id = await ctx.deps.db.transaction(async (tx) => {
    const row = await findFrameworkRow(tx, frameworkId);
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bộ chỉ số');
    const source = frameworkInputOf(row, await listNodes(tx, frameworkId));
    const replaced = input.name ?? row.name.replace(String(row.year), String(input.year));
    const name = replaced === row.name ? `${row.name} (${input.year})` : replaced;
    const shifted = shiftFrameworkYears(source, { fromYear: row.year, toYear: input.year });
    const review: CopyReview = {
      fromId: row.id,
      fromName: row.name,
      fromYear: row.year,
      toYear: input.year,
      name: input.name === undefined ? { from: row.name, to: name } : null,
      dates: shifted.dates,
      checks: shifted.checks,
    };
    const copy = await insertFramework(
      tx,
      { ...shifted.value, name, year: input.year, unitType: row.unitType },
      policySchema.parse(row.policy),
      row.id,
      {
        previousFrameworkId: row.id,
        reviewStatus: 'needsReview',
        copyReview: review,
        ownerUnitId: actor.unitId ?? row.ownerUnitId,
      },
    );
    const links = defaultCodeMap(
      codeMapSideOf(buildFramework(source), row.year),
      codeMapSideOf(buildFramework(shifted.value), input.year),
    );
    await replaceCodeLinks(tx, copy.id, row.id, links);
    await copyNodeOffices(tx, row.id, copy.id);
    await recordAudit(tx, ctx, {
      action: 'framework.copy',
      entityType: 'framework',
      entityId: copy.id,
      after: {
        from: row.id,
        name: copy.name,
        year: copy.year,
        reviewStatus: copy.reviewStatus,
        datesMoved: shifted.dates,
        checks: shifted.checks.length,
        codeLinks: links.length,
      },
    });
    return copy.id;
  });
  return getFramework(ctx, id);
}
