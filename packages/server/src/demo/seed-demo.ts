import { vietnamDate } from '@chiso/core';
import type { CurrentActor, Deps } from '../context.js';
import { actorOf, insertUser } from '../repositories/users.js';
import { hashPassword } from '../security/passwords.js';
import {
  communeFramework,
  DEPARTMENTS,
  departmentFramework,
  DISTRICTS,
  NEW_COMMUNES,
  OLD_COMMUNES,
} from './catalogue.js';
import { at, DAY, type Demo, type DemoAccount } from './demo.js';
import { runPeriod } from './run-period.js';
import { seedDistricts } from './seed-districts.js';
import { seedErratum } from './seed-erratum.js';
import { seedImprovement } from './seed-improvement.js';
import { seedLastPlan } from './seed-last-plan.js';
import { seedReport } from './seed-report.js';
import { seedStatistics } from './seed-statistics.js';
import { seedSurveys } from './seed-surveys.js';
import { account, districtFramework, importFramework, seedUnits } from './seed-organisation.js';

export type { DemoAccount } from './demo.js';

const span = (opens: string, closes: string) => ({ opensAt: at(opens), closesAt: at(closes) });

/**
 * Loads tỉnh Hòa An: departments, districts and communes before 1 July 2025, merged
 * communes and wards after; frameworks modelled on the seeds; the 2024 and 2025 indices
 * published (2024 with an erratum); the current period caught in its appraisal window, with the departments'
 * questionnaires answered and counted.
 */
export async function seedDemo(
  deps: Deps,
  now: Date,
  password: string,
  report: (message: string) => void = () => undefined,
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
    report,
  };
  report('Tạo đơn vị (sở, huyện, xã trước và sau sắp xếp ngày 01/07/2025) và tài khoản…');
  await seedUnits(demo, passwordHash);
  const unitCount =
    DEPARTMENTS.length + DISTRICTS.length + OLD_COMMUNES.length + NEW_COMMUNES.length;
  report(`Đã tạo ${unitCount} đơn vị, mỗi đơn vị một cán bộ đầu mối và một thủ trưởng.`);
  for (const [username, role, fullName] of [
    ['thamdinh1', 'appraiser', 'Thành viên Tổ thẩm định (khối sở)'],
    ['thamdinh2', 'appraiser', 'Thành viên Tổ thẩm định (khối xã, phường)'],
    ['thamdinh3', 'appraiser', 'Thành viên Tổ thẩm định (khối huyện, thị xã)'],
    ['hoidong1', 'councilMember', 'Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng'],
    ['hoidong2', 'councilMember', 'Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng'],
    ['xem', 'viewer', 'Phóng viên Báo Hòa An'],
    ['nhapphieu', 'surveyClerk', 'Nhân viên nhập phiếu khảo sát (Bưu điện tỉnh)'],
  ] as const) {
    await account(demo, passwordHash, username, role, fullName);
  }
  report(
    `Đã tạo ${demo.accounts.length} tài khoản (thêm Tổ thẩm định, Hội đồng, nhập phiếu, báo chí); nạp các bộ chỉ số và chạy từng kỳ đánh giá…`,
  );
  const departments = DEPARTMENTS.map(([id]) => id);
  const appraisersFor = (units: string[], who: (id: string) => string) =>
    Object.fromEntries(units.map((id) => [id, who(id)]));

  // 2024: the three-level world. Each district runs its communes' index first (published in
  // January 2025); the province then assesses departments and districts, whose leaf 8.3 takes
  // the communes' published results.
  await seedDistricts(demo, passwordHash);
  const units2024 = [...departments, ...DISTRICTS.map(([id]) => id)];
  // The one-stop system's export of the year, imported before the units fill in.
  const statistics =
    (year: number, unitIds: string[], now: Date, title: string) =>
    (periodId: string, admin: CurrentActor) =>
      seedStatistics(demo, admin, now, { periodId, year, unitIds, title });
  const period2024 = await runPeriod(demo, {
    name: 'Chỉ số CCHC năm 2024',
    year: 2024,
    frameworks: {
      so: await importFramework(demo, { ...departmentFramework(2024), year: 2024, unitType: 'so' }),
      huyen: await districtFramework(demo, 2024),
    },
    units: units2024,
    prepare: statistics(
      2024,
      units2024,
      at('13/12/2024 08:00'),
      'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC CỦA CÁC SỞ, BAN, NGÀNH VÀ UBND CẤP HUYỆN NĂM 2024',
    ),
    windows: {
      selfAssessment: span('16/12/2024 00:00', '10/01/2025 24:00'),
      appraisal: span('11/01/2025 00:00', '20/01/2025 24:00'),
      explanation: span('21/01/2025 00:00', '26/01/2025 24:00'),
      council: span('03/02/2025 00:00', '14/02/2025 24:00'),
      publication: span('17/02/2025 00:00', '31/12/2025 24:00'),
    },
    appraisers: appraisersFor(units2024, (id) =>
      departments.includes(id) ? 'thamdinh1' : 'thamdinh3',
    ),
  });

  await seedErratum(demo, period2024, departments[1] ?? '');
  await seedLastPlan(demo, period2024);

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
  const period2025 = await runPeriod(demo, {
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
    prepare: statistics(
      2025,
      units2025,
      at('12/12/2025 08:00'),
      'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC NĂM 2025',
    ),
  });

  await seedReport(demo, period2025);

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
      prepare: statistics(
        year,
        units2025,
        new Date(now.getTime() - 26 * DAY),
        `BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC NĂM ${year}`,
      ),
    },
    now,
  );
  await seedSurveys(demo, currentPeriodId, year, now);
  report(
    'Năm hiện tại: phòng, ban của các đơn vị, nhiệm vụ được giao, bản tự theo dõi 9 tháng và nhắc việc…',
  );
  await seedImprovement(demo, passwordHash, year, now, period2025);
  report(
    `Xong dữ liệu mẫu: ${demo.accounts.length} tài khoản, ${DISTRICTS.length + 3} kỳ đánh giá.`,
  );
  return { accounts: demo.accounts, currentPeriodId };
}
