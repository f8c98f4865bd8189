import { z } from 'zod';
import { isoDateTime } from './common.js';

// The results report of a period (seed 001, decision 0021): what the secretariat enters,
// what chiso derives for the form, and the text as the Word document will word it.

const text = z.string();
const paragraphs = z.union([text, z.array(text)]);

/**
 * The stored options as they travel: the core's `report` object of `chiso report`
 * (reportOptionsSchema's input), without what the period's data fills in (windows, survey
 * sample, year, draft).
 */
export const reportOptionsJson = z.strictObject({
  parentAuthority: text.optional(),
  issuer: text.optional(),
  number: text.optional(),
  place: text.optional(),
  date: text.optional(),
  title: text.optional(),
  blocks: z.array(z.strictObject({ group: text, name: text, heads: text.optional() })).optional(),
  review: z
    .strictObject({
      areaCodes: z.array(text).optional(),
      belowPercent: z.union([text, z.number()]).optional(),
    })
    .optional(),
  minRankChange: z.number().optional(),
  narrative: z
    .strictObject({
      strengths: paragraphs.optional(),
      weaknesses: paragraphs.optional(),
      causes: paragraphs.optional(),
      tasks: paragraphs.optional(),
    })
    .optional(),
  recipients: z.array(text).optional(),
  signature: z
    .strictObject({ onBehalfOf: text.optional(), position: text, name: text.optional() })
    .optional(),
});

/** The body of a save: the options (checked by the core's schema) and the version read. */
export const saveReportBody = z.object({
  version: z.number().int().min(0),
  options: z.record(z.string(), z.unknown()),
});

export const reportDocumentQuery = z.object({
  /** "0" leaves the appendix out of the Word document. */
  appendix: z.enum(['0', '1']).optional(),
});

const reportTable = z.strictObject({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

const reportContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paragraph'), text }),
  z.strictObject({ kind: z.literal('missing'), text }),
  z.strictObject({ kind: z.literal('table'), table: reportTable }),
]);

export const reportResponse = z.strictObject({
  period: z.strictObject({
    id: z.string(),
    name: z.string(),
    year: z.number().int(),
    status: z.string(),
  }),
  /** Whether a document can be made now, and why not. */
  available: z.boolean(),
  reason: z.string().nullable(),
  /** Made from the computed results of an approved period: the document says "DỰ THẢO". */
  draft: z.boolean(),
  /** The publication in force the document is made from, when published. */
  publicationVersion: z.number().int().nullable(),
  options: reportOptionsJson,
  version: z.number().int(),
  updatedAt: isoDateTime.nullable(),
  /** The period's blocks (peer groups) with the names chiso uses when none is entered. */
  blocks: z.array(
    z.strictObject({
      group: z.string(),
      defaultName: z.string(),
      defaultHeads: z.string(),
      units: z.number().int(),
    }),
  ),
  /** The frameworks' areas, for the review's codes. */
  areas: z.array(z.strictObject({ code: z.string(), title: z.string() })),
  /** What the period's data fills in, as sentences of the form. */
  derived: z.array(z.string()),
  /** The report's text as the Word document words it; null when not available. */
  preview: z
    .strictObject({
      heading: z.strictObject({
        parentAuthority: z.string().nullable(),
        issuer: z.string(),
        number: z.string(),
        place: z.string(),
        dateText: z.string(),
        kind: z.string(),
        summary: z.string(),
        draft: z.boolean(),
      }),
      sections: z.array(
        z.strictObject({
          level: z.number().int(),
          heading: z.string(),
          content: z.array(reportContent),
        }),
      ),
      recipients: z.array(z.string()),
      signature: z.strictObject({
        onBehalfOf: z.string().nullable(),
        position: z.string(),
        name: z.string().nullable(),
      }),
      appendix: z.strictObject({ title: z.string(), note: z.string(), tables: z.number().int() }),
    })
    .nullable(),
});

export type ReportOptionsJson = z.output<typeof reportOptionsJson>;
export type ReportResponse = z.output<typeof reportResponse>;
export type SaveReportBody = z.input<typeof saveReportBody>;
