import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  buildFramework,
  Decimal,
  parseCsv,
  parseFrameworkTable,
  parseVietnamTime,
  vietnamDate,
  type FrameworkInput,
  type Role,
} from '@chiso/core';
import type { CurrentActor, Deps, UseCaseContext } from '../context.js';
import { findEntry, listEntries } from '../repositories/entries.js';
import { insertFramework } from '../repositories/frameworks.js';
import { actorOf, insertUser } from '../repositories/users.js';
import { hashPassword } from '../security/passwords.js';
import { appraiseEntry } from '../use-cases/assessment/appraise-entry.js';
import { loadUnitScope } from '../use-cases/assessment/scope.js';
import { linkEvidence, uploadEvidence } from '../use-cases/assessment/evidence.js';
import { finaliseAppraisal } from '../use-cases/assessment/finalise-appraisal.js';
import { respondExplanation } from '../use-cases/assessment/respond-explanation.js';
import { saveSelfEntry } from '../use-cases/assessment/save-self-entry.js';
import { submitAssessment } from '../use-cases/assessment/submit-assessment.js';
import { assignAppraisers } from '../use-cases/periods/assign-appraisers.js';
import { createPeriod } from '../use-cases/periods/create-period.js';
import { extendWindow } from '../use-cases/periods/extend-window.js';
import { approveResults } from '../use-cases/results/approve-results.js';
import { publishResults } from '../use-cases/results/publish-results.js';
import { addLineage } from '../use-cases/units/add-lineage.js';
import { saveUnit } from '../use-cases/units/save-unit.js';
import {
  communeFramework,
  DEPARTMENTS,
  departmentFramework,
  DISTRICTS,
  districtRules,
  NEW_COMMUNES,
  OLD_COMMUNES,
} from './catalogue.js';
import { factsFor, prng } from './fill.js';

const DAY = 24 * 60 * 60 * 1000;
const at = (text: string) => new Date(parseVietnamTime(text) ?? Number.NaN);

export interface DemoAccount {
  username: string;
  role: Role;
  unit: string | undefined;
  fullName: string;
}

interface Demo {
  deps: Deps;
  admin: CurrentActor;
  actors: Map<string, CurrentActor>;
  accounts: DemoAccount[];
}

const ctx = (demo: Demo, actor: CurrentActor, now: Date): UseCaseContext => ({
  actor,
  ip: 'demo',
  now,
  deps: demo.deps,
});
const officer = (demo: Demo, unitId: string) =>
  demo.actors.get(`cb.${unitId.toLowerCase()}`) as CurrentActor;
const head = (demo: Demo, unitId: string) =>
  demo.actors.get(`tt.${unitId.toLowerCase()}`) as CurrentActor;

/** A small valid PDF standing for a scanned document. */
function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% chiso demo\n1 0 obj << /Title (${title}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** Units' strength, steady over the years with some drift, so that ranks move. */
function strength(unitId: string, year: number): number {
  const seed = [...unitId].reduce((n, ch) => n * 31 + ch.charCodeAt(0), 7);
  const base = prng(seed)();
  const drift = prng(seed + year)() - 0.5;
  return Math.min(0.97, Math.max(0.35, 0.55 + base * 0.4 + drift * 0.15));
}

async function account(
  demo: Demo,
  passwordHash: string,
  username: string,
  role: Role,
  fullName: string,
  unit?: string,
) {
  const row = await insertUser(demo.deps.db, {
    username,
    fullName,
    passwordHash,
    role,
    unitId: unit ?? null,
  });
  demo.actors.set(username, actorOf(row));
  demo.accounts.push({ username, role, unit, fullName });
}

async function seedUnits(demo: Demo, passwordHash: string) {
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
      peerGroup: 'xa-cu',
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

async function importFramework(
  demo: Demo,
  input: FrameworkInput & { year: number; unitType: string },
): Promise<string> {
  buildFramework(input);
  return (await insertFramework(demo.deps.db, input)).id;
}

/** The seed 004 tree (Đắk Glong's appendix) with rules on a few leaves, for districts. */
async function districtFramework(demo: Demo, year: number): Promise<string> {
  const csv = await readFile(
    new URL('../../../../examples/dak-glong-2023.csv', import.meta.url),
    'utf8',
  );
  const table = parseFrameworkTable(parseCsv(csv, 'dak-glong-2023.csv'), {
    name: `Bộ chỉ số CCHC cấp huyện năm ${year}`,
  });
  const rules = districtRules(year);
  const nodes = table.framework.nodes.map((n) => ({ ...n, rule: rules[n.code] ?? n.rule }));
  return importFramework(demo, { ...table.framework, nodes, year, unitType: 'huyen' });
}

interface PeriodPlan {
  name: string;
  year: number;
  frameworks: Record<string, string>;
  units: string[];
  windows: Record<
    'selfAssessment' | 'appraisal' | 'explanation' | 'council' | 'publication',
    { opensAt: Date; closesAt: Date }
  >;
  appraisers: Record<string, string>;
}

/** Fills, submits, appraises, explains, approves and publishes a period (or stops mid-way). */
async function runPeriod(demo: Demo, plan: PeriodPlan, stopAt?: Date): Promise<string> {
  const w = plan.windows;
  const windows = Object.fromEntries(
    Object.entries(w).map(([kind, span]) => [
      kind,
      { opensAt: span.opensAt.getTime(), closesAt: span.closesAt.getTime() },
    ]),
  );
  const period = await createPeriod(
    ctx(demo, demo.admin, new Date(w.selfAssessment.opensAt.getTime() - 5 * DAY)),
    {
      name: plan.name,
      year: plan.year,
      frameworks: plan.frameworks,
      windows,
      unitIds: plan.units,
    },
  );
  const setup = ctx(demo, demo.admin, new Date(w.selfAssessment.opensAt.getTime() - 4 * DAY));
  for (const unitId of plan.units) {
    const appraiser = demo.actors.get(plan.appraisers[unitId] ?? '') as CurrentActor;
    await assignAppraisers(setup, {
      periodId: period.id,
      unitId,
      appraiserIds: [appraiser.userId],
    });
  }
  const live = (time: Date) => stopAt === undefined || time < stopAt;
  const fillAt = new Date(w.selfAssessment.opensAt.getTime() + 2 * DAY);
  const submitAt = new Date(w.selfAssessment.closesAt.getTime() - 2 * DAY);
  const appraiseAt = new Date(w.appraisal.opensAt.getTime() + DAY);
  const explainAt = new Date(w.explanation.opensAt.getTime() + DAY);

  for (const [index, unitId] of plan.units.entries()) {
    const scope = await loadUnitScope(demo.deps.db, period.id, unitId);
    const random = prng(plan.year * 1000 + index + 1);
    const unitStrength = strength(unitId, plan.year);
    const fill = ctx(demo, officer(demo, unitId), fillAt);
    const upload = await uploadEvidence(
      fill,
      { periodId: period.id, unitId },
      {
        stream: Readable.from(pdf(`Báo cáo CCHC năm ${plan.year} - ${scope.unit.name}`)),
        fileName: `Báo cáo CCHC năm ${plan.year}.pdf`,
      },
    );
    for (const [i, leaf] of scope.stored.framework.leaves.entries()) {
      if (!leaf.rule) continue;
      const facts = factsFor(leaf.rule, leaf.maxPoints, unitStrength, random);
      const withEvidence = i % 3 === 0;
      await saveSelfEntry(
        fill,
        { periodId: period.id, unitId, code: leaf.code },
        {
          ...(leaf.rule.kind === 'manual'
            ? { points: Decimal.of(String(facts.points)) }
            : { facts }),
          explanation: withEvidence
            ? null
            : 'Số liệu theo báo cáo của đơn vị, kèm hồ sơ lưu tại đơn vị',
          version: 0,
        },
      );
      if (withEvidence) {
        await linkEvidence(
          fill,
          { periodId: period.id, unitId, code: leaf.code },
          { evidenceId: upload.evidence.id, pageRef: `trang ${i + 2}` },
        );
      }
    }
    // In a period caught mid-cycle, the last unit is late and has been given more time.
    const lateUnit = stopAt !== undefined && index === plan.units.length - 1;
    if (lateUnit) {
      await extendWindow(ctx(demo, demo.admin, submitAt), {
        periodId: period.id,
        unitId,
        kind: 'selfAssessment',
        closesAt: (stopAt ?? submitAt).getTime() + 2 * DAY,
        reason: 'Đơn vị đề nghị gia hạn do thay đổi cán bộ đầu mối',
      });
      continue;
    }
    if (!live(submitAt)) continue;
    await submitAssessment(ctx(demo, head(demo, unitId), submitAt), {
      periodId: period.id,
      unitId,
    });
    if (!live(appraiseAt)) continue;
    const appraiser = demo.actors.get(plan.appraisers[unitId] ?? '') as CurrentActor;
    const appraise = ctx(demo, appraiser, appraiseAt);
    const entries = await listEntries(demo.deps.db, period.id, unitId);
    const reduced = entries
      .filter((e) => e.selfPoints !== null && Decimal.of(e.selfPoints).gt(Decimal.ZERO))
      .filter((_e, i) => i % 5 === 2);
    for (const entry of reduced) {
      const self = Decimal.of(entry.selfPoints ?? '0');
      const points = self.minus(Decimal.of('0.25')).max(Decimal.ZERO);
      await appraiseEntry(
        appraise,
        { periodId: period.id, unitId, code: entry.code },
        {
          points,
          comment: 'Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả; trừ 0,25 điểm',
          version: entry.version,
        },
      );
    }
    if (stopAt !== undefined && index === 1) {
      const open = entries.find((e) => !reduced.includes(e));
      if (open) {
        await appraiseEntry(
          appraise,
          { periodId: period.id, unitId, code: open.code },
          {
            supplementDeadline: stopAt.getTime() + 2 * DAY,
            supplementNote: 'Đề nghị bổ sung văn bản ban hành kèm theo',
            version: open.version,
          },
        );
      }
      continue;
    }
    if (stopAt !== undefined && index > 2) continue;
    await finaliseAppraisal(appraise, { periodId: period.id, unitId });
    if (!live(explainAt)) continue;
    const disputed = reduced[0];
    if (disputed) {
      const current = await findEntry(demo.deps.db, period.id, unitId, disputed.code);
      const answered = await respondExplanation(
        ctx(demo, officer(demo, unitId), explainAt),
        { periodId: period.id, unitId, code: disputed.code },
        {
          response: 'Đơn vị bổ sung quyết định và báo cáo kết quả thực hiện (đính kèm)',
          version: current?.version ?? 0,
        },
      );
      await appraiseEntry(
        ctx(demo, appraiser, new Date(explainAt.getTime() + DAY)),
        { periodId: period.id, unitId, code: disputed.code },
        {
          points: Decimal.of(disputed.selfPoints ?? '0'),
          comment: 'Chấp nhận giải trình',
          version: answered.version,
        },
      );
    }
    await finaliseAppraisal(ctx(demo, appraiser, new Date(explainAt.getTime() + DAY)), {
      periodId: period.id,
      unitId,
    });
  }
  if (stopAt !== undefined) return period.id;
  const council = demo.actors.get('hoidong1') as CurrentActor;
  await approveResults(ctx(demo, council, new Date(w.council.opensAt.getTime() + DAY)), period.id, {
    decisionNumber: `${(plan.year % 100) + 10}/QĐ-HĐĐG`,
    decisionDate: vietnamDate(w.council.opensAt.getTime() + DAY),
  });
  await publishResults(
    ctx(demo, demo.admin, new Date(w.publication.opensAt.getTime() + DAY)),
    period.id,
  );
  return period.id;
}

const span = (opens: string, closes: string) => ({ opensAt: at(opens), closesAt: at(closes) });

/**
 * Loads tỉnh Hòa An: departments, districts and communes before 1 July 2025, merged
 * communes and wards after; frameworks modelled on the seeds; the 2024 and 2025 indices
 * published; the current period caught in its appraisal window.
 */
export async function seedDemo(
  deps: Deps,
  now: Date,
  password: string,
): Promise<{ accounts: DemoAccount[]; currentPeriodId: string }> {
  const passwordHash = await hashPassword(password);
  const adminRow = await insertUser(deps.db, {
    username: 'quantri',
    fullName: 'Quản trị Sở Nội vụ',
    passwordHash,
    role: 'administrator',
    unitId: null,
  });
  const demo: Demo = {
    deps,
    admin: actorOf(adminRow),
    actors: new Map(),
    accounts: [
      { username: 'quantri', role: 'administrator', unit: undefined, fullName: adminRow.fullName },
    ],
  };
  await seedUnits(demo, passwordHash);
  for (const [username, role, fullName] of [
    ['thamdinh1', 'appraiser', 'Thành viên Tổ thẩm định (khối sở)'],
    ['thamdinh2', 'appraiser', 'Thành viên Tổ thẩm định (khối xã, phường)'],
    ['thamdinh3', 'appraiser', 'Thành viên Tổ thẩm định (khối huyện)'],
    ['hoidong1', 'councilMember', 'Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng'],
    ['hoidong2', 'councilMember', 'Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng'],
    ['xem', 'viewer', 'Phóng viên Báo Hòa An'],
  ] as const) {
    await account(demo, passwordHash, username, role, fullName);
  }
  const departments = DEPARTMENTS.map(([id]) => id);
  const appraisersFor = (units: string[], who: (id: string) => string) =>
    Object.fromEntries(units.map((id) => [id, who(id)]));

  // 2024: the three-level world, districts on the seed 004 tree.
  const units2024 = [
    ...departments,
    ...DISTRICTS.map(([id]) => id),
    ...OLD_COMMUNES.map(([id]) => id),
  ];
  await runPeriod(demo, {
    name: 'Chỉ số CCHC năm 2024',
    year: 2024,
    frameworks: {
      so: await importFramework(demo, { ...departmentFramework(2024), year: 2024, unitType: 'so' }),
      huyen: await districtFramework(demo, 2024),
      xa: await importFramework(demo, {
        ...communeFramework(2024, 'xa'),
        year: 2024,
        unitType: 'xa',
      }),
      phuong: await importFramework(demo, {
        ...communeFramework(2024, 'phuong'),
        year: 2024,
        unitType: 'phuong',
      }),
    },
    units: units2024,
    windows: {
      selfAssessment: span('16/12/2024 00:00', '10/01/2025 24:00'),
      appraisal: span('11/01/2025 00:00', '20/01/2025 24:00'),
      explanation: span('21/01/2025 00:00', '26/01/2025 24:00'),
      council: span('03/02/2025 00:00', '14/02/2025 24:00'),
      publication: span('17/02/2025 00:00', '31/12/2025 24:00'),
    },
    appraisers: appraisersFor(units2024, (id) =>
      departments.includes(id)
        ? 'thamdinh1'
        : id.startsWith('H-') || id.startsWith('TX-')
          ? 'thamdinh3'
          : 'thamdinh2',
    ),
  });

  // 2025 and after: two levels; communes and wards compared with their predecessors.
  const units2025 = [...departments, ...NEW_COMMUNES.map(([id]) => id)];
  const frameworksFor = async (year: number) => ({
    so: await importFramework(demo, { ...departmentFramework(year), year, unitType: 'so' }),
    xa: await importFramework(demo, { ...communeFramework(year, 'xa'), year, unitType: 'xa' }),
    phuong: await importFramework(demo, {
      ...communeFramework(year, 'phuong'),
      year,
      unitType: 'phuong',
    }),
  });
  const appraisers2025 = appraisersFor(units2025, (id) =>
    departments.includes(id) ? 'thamdinh1' : 'thamdinh2',
  );
  await runPeriod(demo, {
    name: 'Chỉ số CCHC năm 2025',
    year: 2025,
    frameworks: await frameworksFor(2025),
    units: units2025,
    windows: {
      selfAssessment: span('15/12/2025 00:00', '10/01/2026 24:00'),
      appraisal: span('11/01/2026 00:00', '20/01/2026 24:00'),
      explanation: span('21/01/2026 00:00', '26/01/2026 24:00'),
      council: span('02/02/2026 00:00', '13/02/2026 24:00'),
      publication: span('23/02/2026 00:00', '31/12/2026 24:00'),
    },
    appraisers: appraisers2025,
  });

  // The current period: self-assessment closed three days ago, appraisal open for a week.
  const year = Math.max(2026, Number(vietnamDate(now.getTime()).slice(0, 4)));
  const relative = (fromDays: number, toDays: number) => ({
    opensAt: new Date(now.getTime() + fromDays * DAY),
    closesAt: new Date(now.getTime() + toDays * DAY),
  });
  const currentPeriodId = await runPeriod(
    demo,
    {
      name: `Chỉ số CCHC năm ${year}`,
      year,
      frameworks: await frameworksFor(year),
      units: units2025,
      windows: {
        selfAssessment: relative(-25, -3),
        appraisal: relative(-2, 5),
        explanation: relative(6, 10),
        council: relative(11, 20),
        publication: relative(21, 120),
      },
      appraisers: appraisers2025,
    },
    now,
  );
  return { accounts: demo.accounts, currentPeriodId };
}
