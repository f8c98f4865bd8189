/**
 * The closed set of domain error codes. Each is mapped to an HTTP status in exactly one place
 * on the server and to an exit status in the command line.
 */
export const ERROR_CODES = {
  /** Input does not have the required shape or values; `issues` say what and where. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** A framework tree is inconsistent (codes, parents, maxima, rules). */
  FRAMEWORK_INVALID: 'FRAMEWORK_INVALID',
  /** A spreadsheet or CSV file was rejected as a whole; `issues` name sheet, row and column. */
  IMPORT_REJECTED: 'IMPORT_REJECTED',
  /** Not signed in, or the session has expired. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but this role or unit may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The thing asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** Someone else changed it first (optimistic versioning); reload and try again. */
  CONFLICT: 'CONFLICT',
  /** The step is not allowed in the current state of the workflow. */
  INVALID_STATE: 'INVALID_STATE',
  /** The time window for this step is not open (Vietnam time, server clock). */
  WINDOW_CLOSED: 'WINDOW_CLOSED',
  /** A framework used by an open period cannot change under it. */
  FRAMEWORK_IN_USE: 'FRAMEWORK_IN_USE',
  /** An uploaded file was refused: type by content, size or name. */
  FILE_REJECTED: 'FILE_REJECTED',
  /** Too many attempts; wait before trying again. */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where a problem was found: a JSON path, or a place in a sheet. */
export interface IssueLocation {
  /** Path in a JSON document, e.g. "units[2].points.1.2". */
  path?: string;
  /** Sheet name, or the file name of a CSV. */
  sheet?: string;
  /** 1-based row number as the spreadsheet shows it. */
  row?: number;
  /** Column letter as the spreadsheet shows it ("C"). */
  column?: string;
  /** Header of that column, or the field's Vietnamese name. */
  field?: string;
}

export interface Issue extends IssueLocation {
  /** Vietnamese, with full diacritics: what is wrong. */
  message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** "Trang 'Phụ lục', dòng 12, cột C (Điểm chuẩn)", or the JSON path as it is. */
export function describeLocation(location: IssueLocation): string {
  const parts: string[] = [];
  if (location.sheet !== undefined) parts.push(`trang "${location.sheet}"`);
  if (location.row !== undefined) parts.push(`dòng ${location.row}`);
  if (location.column !== undefined) {
    parts.push(
      `cột ${location.column}${location.field !== undefined ? ` (${location.field})` : ''}`,
    );
  } else if (location.field !== undefined) {
    parts.push(`trường "${location.field}"`);
  }
  const place = parts.join(', ');
  const sentence = place.charAt(0).toUpperCase() + place.slice(1);
  const path = location.path !== undefined && location.path !== '' ? location.path : '';
  return [sentence, path].filter(Boolean).join(', ');
}

/** One line per issue, each starting with where it is. */
export function formatIssue(issue: Issue): string {
  const where = describeLocation(issue);
  return where ? `${where}: ${issue.message}` : issue.message;
}
