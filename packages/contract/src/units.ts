import { z } from 'zod';
import { isoDate, isoDateTime, unitIdText } from './common.js';

export const unitParams = z.object({ id: unitIdText });

export const saveUnitBody = z.object({
  name: z.string().trim().min(1).max(300),
  type: z.string().trim().min(1).max(40),
  parentId: z.string().trim().min(1).nullable().optional(),
  peerGroup: z.string().trim().min(1).max(60).optional(),
  activeFrom: isoDate.nullable().optional(),
  activeTo: isoDate.nullable().optional(),
});

export const addLineageBody = z.object({
  from: z.array(z.string().trim().min(1)).min(1),
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveOn: isoDate,
  primary: z.string().trim().min(1).optional(),
});

export const unitTypesResponse = z.array(z.strictObject({ key: z.string(), label: z.string() }));

/** A unit of the organisation tree; activeTo set once it was merged, split or renamed away. */
export const unitResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  parentId: z.string().nullable(),
  peerGroup: z.string(),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
  createdAt: isoDateTime,
});

/** "This unit was formed from that one" (merge, split, rename), from a date. */
export const lineageResponse = z.strictObject({
  unitId: z.string(),
  fromUnitId: z.string(),
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveOn: isoDate,
  isPrimary: z.boolean(),
});

export const unitsResponse = z.strictObject({
  units: z.array(unitResponse),
  lineage: z.array(lineageResponse),
});

export const importUnitsResponse = z.strictObject({
  created: z.number().int(),
  updated: z.number().int(),
});

export type SaveUnitBody = z.input<typeof saveUnitBody>;
export type AddLineageBody = z.input<typeof addLineageBody>;
export type UnitType = z.output<typeof unitTypesResponse>[number];
export type Unit = z.output<typeof unitResponse>;
export type Lineage = z.output<typeof lineageResponse>;
export type Units = z.output<typeof unitsResponse>;
export type ImportedUnits = z.output<typeof importUnitsResponse>;
