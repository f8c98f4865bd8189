import { officesByKey, resolveNodeOffices, type Office } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listFrameworkRows, listNodes } from '../../repositories/frameworks.js';
import { listOffices, listUnitNodeOffices, presentOffice } from '../../repositories/offices.js';
import { authorize } from '../authorize.js';
import { requireUnit } from './unit-of.js';

const ref = (office: Office | null) => (office ? { id: office.id, name: office.name } : null);

/**
 * Who answers for each node of a framework in one unit: the unit's own choice, or the
 * framework's default names matched to the unit's offices. Without a framework asked for, the
 * newest framework of the unit's type.
 */
export async function getResponsibilities(
  ctx: UseCaseContext,
  unitId: string,
  frameworkId: string | undefined,
) {
  authorize(ctx, 'readImprovement', { unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, unitId);
  const frameworks = (await listFrameworkRows(db))
    .filter((row) => row.unitType === unit.type)
    .sort((a, b) => b.year - a.year || b.createdAt.getTime() - a.createdAt.getTime())
    .map((row) => ({ id: row.id, name: row.name, year: row.year }));
  const framework =
    frameworkId === undefined
      ? frameworks[0]
      : frameworks.find((candidate) => candidate.id === frameworkId);
  const officeRows = await listOffices(db, unitId);
  const offices = officeRows.map(presentOffice);
  const head = { id: unit.id, name: unit.name, type: unit.type };
  if (!framework) return { unit: head, framework: null, frameworks, offices, nodes: [] };
  const [nodes, choices] = await Promise.all([
    listNodes(db, framework.id),
    listUnitNodeOffices(db, unitId, framework.id),
  ]);
  const choiceOf = new Map(choices.map((choice) => [choice.code, choice]));
  const byKey = officesByKey(offices);
  return {
    unit: head,
    framework,
    frameworks,
    offices,
    nodes: nodes.map((node) => {
      const defaults = {
        leadOffice: node.leadOffice,
        supportingOffices: node.supportingOffices as string[],
      };
      const choice = choiceOf.get(node.code);
      const resolved = resolveNodeOffices(
        defaults,
        choice && {
          leadOfficeId: choice.leadOfficeId,
          supportingOfficeIds: choice.supportingOfficeIds as string[],
        },
        offices,
        byKey,
      );
      return {
        code: node.code,
        title: node.title,
        depth: node.code.split('.').length - 1,
        leaf: node.rule !== null,
        defaultLead: defaults.leadOffice,
        defaultSupporting: defaults.supportingOffices,
        lead: ref(resolved.lead),
        supporting: resolved.supporting.map((office) => ({ id: office.id, name: office.name })),
        source: resolved.source,
        unmatched: resolved.unmatched,
      };
    }),
  };
}
