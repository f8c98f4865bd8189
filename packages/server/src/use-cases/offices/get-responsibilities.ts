import type { Office } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listFrameworkRows, listNodes } from '../../repositories/frameworks.js';
import { frameworksOfUnitPeriods } from '../../repositories/periods.js';
import { listOffices, presentOffice } from '../../repositories/offices.js';
import { unitNodeOffices } from './resolve-offices.js';
import { requireUnit } from './unit-of.js';
import { authorizeIn } from '../reach.js';

const ref = (office: Office | null) => (office ? { id: office.id, name: office.name } : null);

/**
 * Who answers for each node of a framework in one unit: the unit's own choice, or the
 * framework's default names matched to the unit's offices. Without a framework asked for, the
 * framework of the newest period the unit takes part in, else the newest of its type.
 */
export async function getResponsibilities(
  ctx: UseCaseContext,
  unitId: string,
  frameworkId: string | undefined,
) {
  await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, unitId);
  const frameworks = (await listFrameworkRows(db))
    .filter((row) => row.unitType === unit.type)
    .sort((a, b) => b.year - a.year || b.createdAt.getTime() - a.createdAt.getTime())
    .map((row) => ({ id: row.id, name: row.name, year: row.year }));
  // By default the framework of the newest period the unit takes part in (what it is assessed
  // by), not a copy for next year still under review; else the newest of its type.
  const assessedBy = frameworkId ?? (await frameworksOfUnitPeriods(db, unitId))[0];
  const framework =
    frameworks.find((candidate) => candidate.id === assessedBy) ??
    (frameworkId === undefined ? frameworks[0] : undefined);
  const head = { id: unit.id, name: unit.name, type: unit.type };
  if (!framework) {
    const offices = (await listOffices(db, unitId)).map(presentOffice);
    return { unit: head, framework: null, frameworks, offices, nodes: [] };
  }
  const nodes = await listNodes(db, framework.id);
  const { offices, resolved } = await unitNodeOffices(db, unitId, framework.id, nodes);
  const parents = new Set(nodes.map((node) => node.code.split('.').slice(0, -1).join('.')));
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
      const who = resolved.get(node.code);
      return {
        code: node.code,
        title: node.title,
        depth: node.code.split('.').length,
        leaf: !parents.has(node.code),
        defaultLead: defaults.leadOffice,
        defaultSupporting: defaults.supportingOffices,
        lead: ref(who?.lead ?? null),
        supporting: (who?.supporting ?? []).map((office) => ({
          id: office.id,
          name: office.name,
        })),
        source: who?.source ?? 'none',
        unmatched: who?.unmatched ?? [],
      };
    }),
  };
}
