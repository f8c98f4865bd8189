import { Api } from './api';
import { PASSWORD } from './constants';
import { xlsx } from './files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Nam Sách's appraiser, as the appraisers' picker names it. */
export const DISTRICT_APPRAISER = 'Đỗ Văn Thẩm';

/** Nam Sách (HNS) with two communes, its sibling Kim Thành (HKT) with one. */
export const DISTRICT_UNITS = [
  { id: 'HNS', name: 'UBND huyện Nam Sách', type: 'huyen' },
  { id: 'HKT', name: 'UBND huyện Kim Thành', type: 'huyen' },
  { id: 'XAL', name: 'UBND xã An Lâm', type: 'xa', parentId: 'HNS' },
  { id: 'XAS', name: 'UBND xã An Sơn', type: 'xa', parentId: 'HNS' },
  { id: 'XKT', name: 'UBND xã Kim Tân', type: 'xa', parentId: 'HKT' },
];
/** Nam Sách's secretariat (its Phòng Nội vụ), Kim Thành's administrator, the units' people. */
export const DISTRICT_ACCOUNTS = [
  { username: 'qt.hns', fullName: 'Nguyễn Văn Quản', role: 'administrator', unitId: 'HNS' },
  { username: 'td.hns', fullName: DISTRICT_APPRAISER, role: 'appraiser', unitId: 'HNS' },
  { username: 'hd.hns', fullName: 'Trần Thị Hội', role: 'councilMember', unitId: 'HNS' },
  { username: 'qt.hkt', fullName: 'Lê Văn Kim', role: 'administrator', unitId: 'HKT' },
  { username: 'cb.hns', fullName: 'Phạm Thị Huyện', role: 'unitOfficer', unitId: 'HNS' },
  { username: 'cb.xal', fullName: 'Vũ Thị Lâm', role: 'unitOfficer', unitId: 'XAL' },
  { username: 'tt.xal', fullName: 'Vũ Văn Lâm', role: 'unitHead', unitId: 'XAL' },
  { username: 'cb.xas', fullName: 'Hoàng Thị Sơn', role: 'unitOfficer', unitId: 'XAS' },
  { username: 'tt.xas', fullName: 'Hoàng Văn Sơn', role: 'unitHead', unitId: 'XAS' },
];

export async function importFramework(
  api: Api,
  name: string,
  unitType: string,
  rows: Parameters<typeof xlsx>[1],
) {
  const query = new URLSearchParams({ name, year: '2026', unitType });
  const framework = await api.importFile(
    `/frameworks/import?${query.toString()}`,
    'bo-chi-so.xlsx',
    XLSX,
    await xlsx('Bộ chỉ số', rows),
  );
  return String(framework.id);
}

/** The unit's officer records its figures (by the API) and its head submits. */
export async function selfAssess(periodId: string, unitId: string, facts: Record<string, unknown>) {
  const officer = await Api.signIn(`cb.${unitId.toLowerCase()}`, PASSWORD);
  const base = `/periods/${periodId}/units/${unitId}`;
  for (const [code, value] of Object.entries(facts)) {
    const { entries } = (await officer.get(`${base}/assessment`)) as {
      entries: { code: string; version: number }[];
    };
    await officer.send('PUT', `${base}/entries/${code}`, {
      facts: value,
      explanation: 'Số liệu theo báo cáo năm của xã',
      version: entries.find((e) => e.code === code)!.version,
    });
  }
  await officer.dispose();
  const head = await Api.signIn(`tt.${unitId.toLowerCase()}`, PASSWORD);
  await head.send('POST', `${base}/submit`);
  await head.dispose();
}
