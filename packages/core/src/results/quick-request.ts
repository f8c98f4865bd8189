import type { Decimal } from '../decimal/decimal.js';
import {
  decimalValue,
  freeRecord,
  knownKeys,
  plainObject,
  trimmedText,
} from '../validation/quick-read.js';
import type { PreviousResult } from './compute-results.js';
import type { UnitInput } from './score-unit.js';

/**
 * The bulk of a results request (units and previous results) read by hand, exactly as the
 * request schema reads it, for the well-formed case only: anything unusual gives undefined
 * and the schema parses the whole request, so every message still comes from one place.
 */
export function readBulkQuickly(
  request: unknown,
): { units: UnitInput[]; previous: PreviousResult[] } | undefined {
  if (!plainObject(request)) return undefined;
  const { units, previous } = request;
  if (!Array.isArray(units) || units.length === 0) return undefined;
  const unitInputs: UnitInput[] = [];
  for (const unit of units) {
    const read = readUnit(unit);
    if (!read) return undefined;
    unitInputs.push(read);
  }
  const previousResults: PreviousResult[] = [];
  if (previous !== undefined) {
    if (!Array.isArray(previous)) return undefined;
    for (const entry of previous) {
      const read = readPrevious(entry);
      if (!read) return undefined;
      previousResults.push(read);
    }
  }
  return { units: unitInputs, previous: previousResults };
}

const UNIT_KEYS = ['id', 'name', 'group', 'type', 'points', 'facts', 'notApplicable'];

function readUnit(value: unknown): UnitInput | undefined {
  const unit = knownKeys(value, UNIT_KEYS);
  if (!unit) return undefined;
  const id = trimmedText(unit.id);
  const name = trimmedText(unit.name);
  const group = unit.group === undefined ? undefined : trimmedText(unit.group);
  const type = unit.type === undefined ? undefined : trimmedText(unit.type);
  if (
    id === undefined ||
    name === undefined ||
    (unit.group !== undefined && group === undefined) ||
    (unit.type !== undefined && type === undefined)
  ) {
    return undefined;
  }
  const points = unit.points === undefined ? new Map<string, Decimal>() : decimals(unit.points);
  const facts = unit.facts === undefined ? new Map<string, unknown>() : anything(unit.facts);
  const notApplicable =
    unit.notApplicable === undefined ? new Set<string>() : texts(unit.notApplicable);
  if (!points || !facts || !notApplicable) return undefined;
  return { id, name, group, type, points, facts, notApplicable };
}

const PREVIOUS_KEYS = ['id', 'percent', 'rank', 'areas'];

function readPrevious(value: unknown): PreviousResult | undefined {
  const entry = knownKeys(value, PREVIOUS_KEYS);
  if (!entry) return undefined;
  const id = trimmedText(entry.id);
  const percent = entry.percent === undefined ? undefined : decimalValue(entry.percent);
  const { rank } = entry;
  const areas = entry.areas === undefined ? new Map<string, Decimal>() : decimals(entry.areas);
  if (
    id === undefined ||
    (entry.percent !== undefined && percent === undefined) ||
    (rank !== undefined &&
      !(typeof rank === 'number' && Number.isSafeInteger(rank) && rank >= 1)) ||
    !areas
  ) {
    return undefined;
  }
  return { id, percent, rank, areas };
}

function decimals(value: unknown): Map<string, Decimal> | undefined {
  const record = freeRecord(value);
  if (!record) return undefined;
  const map = new Map<string, Decimal>();
  for (const [key, entry] of Object.entries(record)) {
    const decimal = decimalValue(entry);
    if (decimal === undefined) return undefined;
    map.set(key, decimal);
  }
  return map;
}

function anything(value: unknown): Map<string, unknown> | undefined {
  const record = freeRecord(value);
  if (!record) return undefined;
  // Object.entries is much quicker than for…in on objects seen only once, as here.
  const entries = Object.entries(record);
  for (const [, entry] of entries) if (entry === undefined) return undefined;
  return new Map(entries);
}

function texts(value: unknown): Set<string> | undefined {
  if (!Array.isArray(value)) return undefined;
  const set = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') return undefined;
    set.add(item);
  }
  return set;
}
