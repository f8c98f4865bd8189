import { cellText, normalizeHeader, type Table } from './table.js';

/** A column a table may have, recognised by its header as offices write it. */
export interface ColumnRole<K extends string> {
  key: K;
  /** How the column is named in messages. */
  label: string;
  match: (normalizedHeader: string) => boolean;
}

export interface LocatedColumns<K extends string> {
  /** 0-based index of the header row. */
  headerRow: number;
  columns: Map<K, number>;
  /** Header texts as written, by column index. */
  headers: string[];
}

const SCAN_ROWS = 30;

/**
 * Finds the header row (within the first 30) holding every required column. Each header
 * takes the first role that matches it, in the order the roles are listed.
 */
export function locateColumns<K extends string>(
  table: Table,
  roles: readonly ColumnRole<K>[],
  required: readonly K[],
  extra?: (normalizedHeader: string, cell: unknown) => boolean,
): LocatedColumns<K> | undefined {
  const limit = Math.min(table.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r] ?? [];
    const columns = new Map<K, number>();
    let extras = 0;
    row.forEach((cell, c) => {
      const header = normalizeHeader(cellText(cell));
      if (header === '') return;
      const role = roles.find(
        (candidate) => !columns.has(candidate.key) && candidate.match(header),
      );
      if (role) columns.set(role.key, c);
      else if (extra?.(header, cell)) extras++;
    });
    if (required.every((key) => columns.has(key)) && (extra === undefined || extras > 0)) {
      return { headerRow: r, columns, headers: row.map((cell) => cellText(cell)) };
    }
  }
  return undefined;
}

/** "cột 'Stt' (mã) và cột 'Điểm chuẩn'" for the message when headers are not found. */
export function describeRequired<K extends string>(
  roles: readonly ColumnRole<K>[],
  required: readonly K[],
): string {
  return required
    .map((key) => roles.find((role) => role.key === key)?.label ?? key)
    .map((label) => `cột ${label}`)
    .join(' và ');
}
