import { readFile } from 'node:fs/promises';
import {
  buildFramework,
  Decimal,
  parseCsv,
  serializeRule,
  type Cell,
  parseFrameworkTable,
  type FrameworkInput,
  type Role,
} from '@chiso/core';
import type { CurrentActor } from '../context.js';
import { insertFramework } from '../repositories/frameworks.js';
import { importFramework as importFrameworkUseCase } from '../use-cases/frameworks/import-framework.js';
import { actorOf, insertUser } from '../repositories/users.js';
import { addLineage } from '../use-cases/units/add-lineage.js';
import { saveUnit } from '../use-cases/units/save-unit.js';
import {
  DEPARTMENTS,
  DISTRICTS,
  districtRules,
  DROPPED_DISTRICT_LEAVES,
  LOWER_LEAF,
  NEW_COMMUNES,
  OLD_COMMUNES,
} from './catalogue.js';
import { at, ctx, type Demo } from './demo.js';

export async function account(
  demo: Demo,
  passwordHash: string,
  username: string,
  role: Role,
  fullName: string,
  unit?: string,
  officeId?: string,
) {
  const row = await insertUser(demo.deps.db, {
    username,
    fullName,
    passwordHash,
    role,
    unitId: unit ?? null,
    officeId: officeId ?? null,
  });
  demo.actors.set(username, actorOf(row));
  demo.accounts.push({ username, role, unit, fullName });
}

export async function seedUnits(demo: Demo, passwordHash: string) {
  const c = ctx(demo, demo.admin, at('01/01/2024 08:00'));
  for (const [id, name] of DEPARTMENTS)
    await saveUnit(c, { id, name, type: 'so', peerGroup: 'so' });
  for (const [id, name] of DISTRICTS)
    await saveUnit(c, { id, name, type: 'huyen', peerGroup: 'huyen', activeTo: '2025-06-30' });
  for (const [id, name, type, parent] of OLD_COMMUNES) {
    await saveUnit(c, {
      id,
      name,
      type,
      parentId: parent,
      peerGroup: type === 'xa' ? 'xa-cu' : 'phuong-cu',
      activeTo: '2025-06-30',
    });
  }
  const reform = ctx(demo, demo.admin, at('01/07/2025 08:00'));
  for (const [id, name, type, from] of NEW_COMMUNES) {
    await saveUnit(reform, { id, name, type, peerGroup: type, activeFrom: '2025-07-01' });
    await addLineage(reform, {
      unitId: id,
      from,
      kind: from.length > 1 ? 'merge' : 'rename',
      effectiveOn: '2025-07-01',
      primary: from[0],
    });
  }
  const all = [...DEPARTMENTS, ...DISTRICTS, ...OLD_COMMUNES, ...NEW_COMMUNES];
  for (const [id, name] of all) {
    const short = name.replace(/^UBND /, '');
    await account(
      demo,
      passwordHash,
      `cb.${id.toLowerCase()}`,
      'unitOfficer',
      `Cán bộ đầu mối CCHC ${short}`,
      id,
    );
    await account(
      demo,
      passwordHash,
      `tt.${id.toLowerCase()}`,
      'unitHead',
      `Thủ trưởng ${short}`,
      id,
    );
  }
}

export async function importFramework(
  demo: Demo,
  input: FrameworkInput & { year: number; unitType: string },
): Promise<string> {
  buildFramework(input);
  return (await insertFramework(demo.deps.db, input)).id;
}

/** The seed 004 tree (Đắk Glong's appendix) with rules on a few leaves, for districts. */
export async function districtFramework(demo: Demo, year: number): Promise<string> {
  const csv = await readFile(
    new URL('../../../../examples/dak-glong-2023.csv', import.meta.url),
    'utf8',
  );
  const table = parseFrameworkTable(parseCsv(csv, 'dak-glong-2023.csv'), {
    name: `Bộ chỉ số CCHC cấp huyện năm ${year}`,
  });
  const rules = districtRules(year);
  const [lowerCode, lowerTitle, lowerMax] = LOWER_LEAF;
  const nodes = table.framework.nodes
    .filter((n) => !DROPPED_DISTRICT_LEAVES.includes(n.code))
    .map((n) =>
      n.code === lowerCode
        ? { ...n, title: lowerTitle, maxPoints: Decimal.of(lowerMax), rule: rules[n.code] }
        : { ...n, rule: rules[n.code] ?? n.rule },
    );
  return importFramework(demo, { ...table.framework, nodes, year, unitType: 'huyen' });
}

/**
 * A framework imported through the use-case, as a secretariat would upload its table: a
 * district's administrator's import is owned by the district (decision 0024).
 */
export async function importFrameworkAs(
  demo: Demo,
  actor: CurrentActor,
  now: Date,
  input: FrameworkInput & { year: number; unitType: string },
): Promise<string> {
  const rows: Cell[][] = [
    ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
    ...input.nodes.map((n) => [
      n.code,
      n.title,
      n.maxPoints.toString(),
      n.rule ? JSON.stringify(serializeRule(n.rule)) : null,
    ]),
  ];
  const view = await importFrameworkUseCase(ctx(demo, actor, now), [{ sheet: 'Bộ chỉ số', rows }], {
    name: input.name,
    year: input.year,
    unitType: input.unitType,
  });
  return view.id;
}
