import { normalizeHeader } from '../tabular/table.js';

/** An office inside a unit (phòng chuyên môn, đơn vị trực thuộc). */
export interface Office {
  id: string;
  name: string;
  active: boolean;
}

/** Who answers for a node in one unit, and where that choice came from. */
export interface NodeOffices {
  lead: Office | null;
  supporting: Office[];
  /** "unit": the unit chose; "framework": the framework's default, matched by name; "none". */
  source: 'unit' | 'framework' | 'none';
  /** Names the framework gives that the unit has no office for ("Phòng Tư pháp"). */
  unmatched: string[];
}

/** The framework's default for a node: office names as its table writes them. */
export interface DefaultOffices {
  leadOffice: string | null;
  supportingOffices: readonly string[];
}

/** A unit's own choice for a node, by office ids. */
export interface UnitChoice {
  leadOfficeId: string | null;
  supportingOfficeIds: readonly string[];
}

/**
 * Office names compare as people write them: case, diacritics, spacing and the usual
 * abbreviations aside ("P. Tư pháp", "phòng tư pháp", "Phong Tu phap").
 */
export function officeKey(name: string): string {
  return normalizeHeader(name)
    .replace(/^p\.\s*/, 'phong ')
    .replace(/&/g, ' va ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matches office names to a unit's active offices, by key. */
export function officesByKey(offices: readonly Office[]): Map<string, Office> {
  const byKey = new Map<string, Office>();
  for (const office of offices) if (office.active) byKey.set(officeKey(office.name), office);
  return byKey;
}

/**
 * Resolves who answers for a node in a unit: the unit's own choice where it made one (offices
 * no longer active dropped), else the framework's default names matched to the unit's offices.
 */
export function resolveNodeOffices(
  defaults: DefaultOffices,
  choice: UnitChoice | undefined,
  offices: readonly Office[],
  byKey: Map<string, Office> = officesByKey(offices),
): NodeOffices {
  if (choice) {
    const byId = new Map(offices.filter((o) => o.active).map((o) => [o.id, o]));
    const lead = choice.leadOfficeId === null ? null : (byId.get(choice.leadOfficeId) ?? null);
    const supporting = choice.supportingOfficeIds.flatMap((id) => {
      const office = byId.get(id);
      return office && office.id !== lead?.id ? [office] : [];
    });
    return { lead, supporting, source: 'unit', unmatched: [] };
  }
  const unmatched: string[] = [];
  const find = (name: string): Office | null => {
    const office = byKey.get(officeKey(name));
    if (!office) unmatched.push(name);
    return office ?? null;
  };
  const lead = defaults.leadOffice === null ? null : find(defaults.leadOffice);
  const supporting: Office[] = [];
  for (const name of defaults.supportingOffices) {
    const office = find(name);
    if (office && office.id !== lead?.id && !supporting.includes(office)) supporting.push(office);
  }
  const named = defaults.leadOffice !== null || defaults.supportingOffices.length > 0;
  return { lead, supporting, source: named ? 'framework' : 'none', unmatched };
}
