import { API_TOKEN_STATUS_LABELS, apiTokenStatus, scopesOf, type ApiTokenScope } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { accountNames, listApiTokenRows, type ApiTokenRow } from '../../repositories/api-tokens.js';
import { findUnits } from '../../repositories/units.js';

/** A token as the administrator sees it: never the secret, never its hash. */
export interface PresentedApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  rotatedFromId: string | null;
  rotatedFromPrefix: string | null;
  status: ReturnType<typeof apiTokenStatus>;
  statusLabel: string;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/**
 * Presents tokens with their owners' and issuers' names; `known` are the tokens the rotation
 * links are read from (a token is replaced when one of them was rotated from it).
 */
export async function presentApiTokens(
  db: Db,
  rows: readonly ApiTokenRow[],
  known: readonly ApiTokenRow[],
  now: Date,
): Promise<PresentedApiToken[]> {
  const unitIds = [...new Set(rows.flatMap((row) => row.ownerUnitId ?? []))];
  const units = new Map((await findUnits(db, unitIds)).map((unit) => [unit.id, unit.name]));
  const names = await accountNames(db, [...new Set(rows.flatMap((row) => row.createdBy ?? []))]);
  const replaced = new Set(known.flatMap((row) => row.rotatedFromId ?? []));
  const prefixes = new Map(known.map((row) => [row.id, row.prefix]));
  return rows.map((row) => {
    const status = apiTokenStatus(
      {
        expiresAt: row.expiresAt?.getTime() ?? null,
        revokedAt: row.revokedAt?.getTime() ?? null,
        replaced: replaced.has(row.id),
      },
      now.getTime(),
    );
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: scopesOf(row.scopes),
      ownerUnitId: row.ownerUnitId,
      ownerUnitName: row.ownerUnitId === null ? null : (units.get(row.ownerUnitId) ?? null),
      createdAt: row.createdAt.toISOString(),
      createdByName: row.createdBy === null ? null : (names.get(row.createdBy) ?? null),
      lastUsedAt: iso(row.lastUsedAt),
      expiresAt: iso(row.expiresAt),
      revokedAt: iso(row.revokedAt),
      rotatedFromId: row.rotatedFromId,
      rotatedFromPrefix:
        row.rotatedFromId === null ? null : (prefixes.get(row.rotatedFromId) ?? null),
      status,
      statusLabel: API_TOKEN_STATUS_LABELS[status],
    };
  });
}

/** What an audit row keeps of a token: who and which, never the secret or its hash. */
export function auditedToken(row: ApiTokenRow) {
  return {
    name: row.name,
    prefix: row.prefix,
    scopes: scopesOf(row.scopes),
    ownerUnitId: row.ownerUnitId,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    rotatedFromId: row.rotatedFromId,
  };
}

/** One token as answered after a change: whether a newer one replaced it needs the others. */
export async function presentApiToken(
  db: Db,
  row: ApiTokenRow,
  now: Date,
): Promise<PresentedApiToken> {
  const [token] = await presentApiTokens(db, [row], await listApiTokenRows(db), now);
  if (!token) throw new Error('token not presented');
  return token;
}
