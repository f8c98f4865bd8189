import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudits } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { findPeriod } from '../../repositories/periods.js';
import { listPeriodPlans, insertPlans } from '../../repositories/plans.js';
import { listAllOffices } from '../../repositories/tasks.js';
import { listUnits } from '../../repositories/units.js';
import { leadOffices, newPlan } from './new-plan.js';
import { publishedSource } from './published-source.js';
import { authorizeIn } from '../reach.js';

/**
 * The administrator starts a draft plan for every unit of a published period that has none
 * (one transaction; one audit row per plan). Plans are built one after another as the core
 * yields them and stored in slices, never all held with their figures (decision 0016).
 */
export async function generatePlans(ctx: UseCaseContext, periodId: string) {
  const actor = await authorizeIn(ctx, 'administer', { periodId });
  return ctx.deps.db.transaction(async (tx) => {
    const [units, existing, offices] = await Promise.all([
      listUnits(tx),
      listPeriodPlans(tx, periodId),
      listAllOffices(tx),
    ]);
    if (!(await findPeriod(tx, periodId)))
      throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
    const has = new Set(existing.map((p) => p.unitId));
    const withOffices = new Set(offices.map((o) => o.unitId));
    let created = 0;
    const types = [...new Set(units.map((u) => u.type))];
    for (const type of types) {
      // A type the period did not publish has no plans; an unpublished period refuses them all.
      const source = await publishedSource(tx, periodId, type).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === ERROR_CODES.NOT_FOUND) return undefined;
        throw error;
      });
      if (!source) continue;
      const todo = source.units.filter((u) => !has.has(u.id));
      const who = await leadOffices(
        tx,
        source,
        todo.filter((u) => withOffices.has(u.id)).map((u) => u.id),
      );
      for (let i = 0; i < todo.length; i += 200) {
        const drafts = todo
          .slice(i, i + 200)
          .map((unit) =>
            newPlan(source, unit, who.get(unit.id), { createdBy: actor.userId, now: ctx.now }),
          );
        const inserted = await insertPlans(tx, drafts);
        await recordAudits(
          tx,
          ctx,
          inserted.map((record) => ({
            action: 'plan.create',
            entityType: 'improvementPlan',
            entityId: record.id,
            unitId: record.unitId,
            periodId,
            after: { planYear: record.planYear, publicationVersion: source.publicationVersion },
          })),
        );
        created += inserted.length;
      }
    }
    return { created, existing: existing.length };
  });
}
