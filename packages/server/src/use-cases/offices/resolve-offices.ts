import { officesByKey, resolveNodeOffices, type NodeOffices } from '@chiso/core';
import type { Db } from '../../db/database.js';
import type { FrameworkNodeRow } from '../../repositories/frameworks.js';
import { listOffices, listUnitNodeOffices, presentOffice } from '../../repositories/offices.js';

/** Who answers for each node of a framework in one unit, with the unit's offices. */
export async function unitNodeOffices(
  db: Db,
  unitId: string,
  frameworkId: string,
  nodes: readonly FrameworkNodeRow[],
) {
  const [officeRows, choices] = await Promise.all([
    listOffices(db, unitId),
    listUnitNodeOffices(db, unitId, frameworkId),
  ]);
  const offices = officeRows.map(presentOffice);
  const choiceOf = new Map(choices.map((choice) => [choice.code, choice]));
  const byKey = officesByKey(offices);
  const resolved = new Map<string, NodeOffices>();
  for (const node of nodes) {
    const choice = choiceOf.get(node.code);
    resolved.set(
      node.code,
      resolveNodeOffices(
        { leadOffice: node.leadOffice, supportingOffices: node.supportingOffices as string[] },
        choice && {
          leadOfficeId: choice.leadOfficeId,
          supportingOfficeIds: choice.supportingOfficeIds as string[],
        },
        offices,
        byKey,
      ),
    );
  }
  return { offices, resolved };
}
