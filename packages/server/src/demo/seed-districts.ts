import { communeFramework, DISTRICTS, OLD_COMMUNES } from './catalogue.js';
import { at, type Demo } from './demo.js';
import { runPeriod } from './run-period.js';
import { account, importFrameworkAs } from './seed-organisation.js';
import { seedStatistics } from './seed-statistics.js';

const span = (opens: string, closes: string) => ({ opensAt: at(opens), closesAt: at(closes) });

/** The usernames of a district's Phòng Nội vụ: noivu.h-ds, thamdinh.h-ds, hoidong.h-ds. */
export const districtAccounts = (districtId: string) => {
  const key = districtId.toLowerCase();
  return { admin: `noivu.${key}`, appraiser: `thamdinh.${key}`, council: `hoidong.${key}` };
};

/** "huyện Đông Sơn" from "UBND huyện Đông Sơn". */
const shortName = (name: string) => name.replace(/^UBND /, '');

/** The name of a district's 2024 period for its communes (its wards, for a thị xã). */
export function districtPeriodName(districtName: string, type: 'xa' | 'phuong'): string {
  const whom = type === 'xa' ? 'UBND xã, thị trấn' : 'UBND phường';
  return `Chỉ số CCHC năm 2024 của ${whom} — ${shortName(districtName)}`;
}

/**
 * 2024, the three-level world (decision 0030): each district's Phòng Nội vụ (an administrator,
 * an appraiser and a council member whose unit is the district) imports its own framework for
 * its communes, runs their period, has it appraised and approved, and publishes it in early
 * January 2025, before the province appraises the districts, whose leaf 8.3 takes these results.
 */
export async function seedDistricts(demo: Demo, passwordHash: string): Promise<string[]> {
  const periodIds: string[] = [];
  for (const [districtId, districtName] of DISTRICTS) {
    const short = shortName(districtName);
    const names = districtAccounts(districtId);
    const office = `Phòng Nội vụ ${short}`;
    await account(
      demo,
      passwordHash,
      names.admin,
      'administrator',
      `Quản trị ${office}`,
      districtId,
    );
    await account(
      demo,
      passwordHash,
      names.appraiser,
      'appraiser',
      `Thành viên Tổ thẩm định (${office})`,
      districtId,
    );
    await account(
      demo,
      passwordHash,
      names.council,
      'councilMember',
      `Chủ tịch UBND ${short}, Chủ tịch Hội đồng đánh giá`,
      districtId,
    );
    const communes = OLD_COMMUNES.filter(([, , , parent]) => parent === districtId);
    const type = communes[0]?.[2] ?? 'xa';
    const admin = demo.actors.get(names.admin);
    if (admin === undefined || communes.length === 0) continue;
    const whom = type === 'xa' ? 'UBND xã, thị trấn' : 'UBND phường';
    const frameworkId = await importFrameworkAs(demo, admin, at('15/11/2024 08:00'), {
      ...communeFramework(2024, type, `Bộ chỉ số CCHC cấp xã của ${short} năm 2024`),
      year: 2024,
      unitType: type,
    });
    const units = communes.map(([id]) => id);
    const name = districtPeriodName(districtName, type);
    periodIds.push(
      await runPeriod(demo, {
        name,
        year: 2024,
        frameworks: { [type]: frameworkId },
        units,
        windows: {
          selfAssessment: span('25/11/2024 00:00', '15/12/2024 24:00'),
          appraisal: span('16/12/2024 00:00', '22/12/2024 24:00'),
          explanation: span('23/12/2024 00:00', '27/12/2024 24:00'),
          council: span('30/12/2024 00:00', '03/01/2025 24:00'),
          publication: span('06/01/2025 00:00', '31/12/2025 24:00'),
        },
        appraisers: Object.fromEntries(units.map((id) => [id, names.appraiser])),
        secretariat: {
          admin: names.admin,
          council: names.council,
          decisionNumber: '02/QĐ-HĐĐG',
        },
        prepare: (periodId, periodAdmin) =>
          seedStatistics(demo, periodAdmin, at('22/11/2024 08:00'), {
            periodId,
            year: 2024,
            unitIds: units,
            title: `BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC CỦA ${whom.toUpperCase()} NĂM 2024 — ${short.toUpperCase()}`,
          }),
      }),
    );
  }
  return periodIds;
}
