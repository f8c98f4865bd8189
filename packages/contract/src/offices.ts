import { z } from 'zod';
import { leafCodeText, unitIdText, uuidOf } from './common.js';

// A unit's offices and who answers for each criterion (issue 10).

export const unitOfficesParams = z.object({ unitId: unitIdText });
export const officeParams = unitOfficesParams.extend({ officeId: uuidOf('phòng, ban') });

const officeName = z.string().trim().min(1, 'tên phòng, ban không được để trống').max(200);

export const createOfficeBody = z.object({ name: officeName });

export const updateOfficeBody = z.object({
  name: officeName.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const officeResponse = z.strictObject({
  id: z.uuid(),
  unitId: z.string(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});

export const officesResponse = z.strictObject({ offices: z.array(officeResponse) });

export const responsibilitiesQuery = z.object({
  frameworkId: uuidOf('bộ tiêu chí').optional(),
});

export const nodeOfficesParams = unitOfficesParams.extend({
  frameworkId: uuidOf('bộ tiêu chí'),
  code: leafCodeText,
});

export const setNodeOfficesBody = z.object({
  /** null with no supporting offices goes back to the framework's default. */
  leadOfficeId: uuidOf('phòng, ban').nullable(),
  supportingOfficeIds: z.array(uuidOf('phòng, ban')).max(50),
  /** Back to the framework's default (its names matched to the unit's offices). */
  useDefault: z.boolean().optional(),
});

const officeRef = z.strictObject({ id: z.uuid(), name: z.string() });

export const nodeOfficesResponse = z.strictObject({
  code: z.string(),
  title: z.string(),
  depth: z.number().int(),
  leaf: z.boolean(),
  /** The framework's default names, as its table writes them. */
  defaultLead: z.string().nullable(),
  defaultSupporting: z.array(z.string()),
  lead: officeRef.nullable(),
  supporting: z.array(officeRef),
  source: z.enum(['unit', 'framework', 'none']),
  /** Names of the default that the unit has no active office for. */
  unmatched: z.array(z.string()),
});

export const responsibilitiesResponse = z.strictObject({
  unit: z.strictObject({ id: z.string(), name: z.string(), type: z.string() }),
  framework: z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() }).nullable(),
  /** Frameworks of the unit's type, newest first, to choose from. */
  frameworks: z.array(z.strictObject({ id: z.uuid(), name: z.string(), year: z.number().int() })),
  offices: z.array(officeResponse),
  nodes: z.array(nodeOfficesResponse),
});

export type Office = z.output<typeof officeResponse>;
export type NodeOfficesView = z.output<typeof nodeOfficesResponse>;
export type Responsibilities = z.output<typeof responsibilitiesResponse>;
export type SetNodeOfficesBody = z.input<typeof setNodeOfficesBody>;
