import { ERROR_CODES } from '@chiso/core';
import { z } from 'zod';

// The pieces every resource's contract is built from. Responses describe the JSON as it
// travels: an instant is the ISO text a Date becomes, a decimal is the exact text the server
// writes. Response objects are strict, so that a field the contract does not name is a break.

/** An instant as it travels: ISO 8601 in UTC, "2023-01-05T02:00:00.000Z" (a Date in JSON). */
export const isoDateTime = z.iso.datetime();

/** A calendar date as the database keeps it, "2023-01-10". */
export const isoDate = z.iso.date();

/** An exact decimal as the server writes it: "12.5", "0.250000", "-1"; never a float. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'số thập phân dạng "12.5"');

// Whole numbers a request carries, within the int4 columns that keep them: past 2147483647
// PostgreSQL refuses the value, which was a 500 (decision 0033).
export const INT4_MAX = 2_147_483_647;

/** A whole number from `min` up to the int4 range's end, e.g. a count or a target. */
export const intInput = (min = 0, max = INT4_MAX) =>
  z.number().int().min(min).max(Math.min(max, INT4_MAX));

/** The version of a row a change is based on (optimistic locking), an int4 column. */
export const versionInput = (min = 0) => intInput(min);

/** A whole number in a query string ("?limit=20"), within the int4 range. */
export const intQuery = (min = 0, max = INT4_MAX) =>
  z.coerce.number().int().min(min).max(Math.min(max, INT4_MAX));

/** The answer of an action that has nothing more to say. */
export const okResponse = z.strictObject({ ok: z.literal(true) });

/** Where a problem is (a JSON path, or a sheet, row and column) and what it is. */
export const issueResponse = z.strictObject({
  message: z.string(),
  path: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
});

/** Every 4xx and 5xx answer: a closed code, a Vietnamese message, what is wrong where. */
export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum([...Object.values(ERROR_CODES), 'INTERNAL']),
    message: z.string(),
    issues: z.array(issueResponse),
    /** The same issues as sentences ("Dòng 12, cột C: …"). */
    details: z.array(z.string()),
  }),
});

/** A file sent as multipart/form-data in the field "file". */
export const uploadForm = z.object({
  file: z.file().describe('Tệp tải lên (trường "file")'),
});

/** A file the server sends back (a workbook, a piece of evidence). */
export const fileDownload = z.file();

// Identifiers in paths, with the Vietnamese message a wrong one gets.
export const uuidOf = (what: string) => z.uuid(`mã ${what} không hợp lệ`);
export const unitIdText = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'mã đơn vị không hợp lệ');
export const leafCodeText = z
  .string()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'mã tiêu chí không hợp lệ');

export const periodIdParams = z.object({ id: uuidOf('kỳ đánh giá') });
export const periodParams = z.object({ periodId: uuidOf('kỳ đánh giá') });
export const periodUnitParams = periodParams.extend({ unitId: unitIdText });
export const entryParams = periodUnitParams.extend({ code: leafCodeText });

export type ErrorResponse = z.output<typeof errorResponse>;
export type IssueResponse = z.output<typeof issueResponse>;
export type OkResponse = z.output<typeof okResponse>;
