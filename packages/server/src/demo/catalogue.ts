import {
  Decimal,
  type FrameworkInput,
  type FrameworkNodeInput,
  type RatioBandsRule,
  type Rule,
  type StatisticKey,
} from '@chiso/core';

/** The fictional province of the demo: tỉnh Hòa An, before and after the 2025 reform. */
export const PROVINCE = 'tỉnh Hòa An';

export const DEPARTMENTS: [id: string, name: string][] = [
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['STC', 'Sở Tài chính'],
  ['SXD', 'Sở Xây dựng'],
];

/** Districts and their communes until 30/06/2025. */
export const DISTRICTS: [id: string, name: string][] = [
  ['H-DS', 'UBND huyện Đông Sơn'],
  ['H-TH', 'UBND huyện Tây Hòa'],
  ['H-NG', 'UBND huyện Nam Giang'],
  ['TX-BL', 'UBND thị xã Bắc Lâm'],
];

export const OLD_COMMUNES: [id: string, name: string, type: 'xa' | 'phuong', parent: string][] = [
  ['X-AL', 'UBND xã An Lâm', 'xa', 'H-DS'],
  ['X-NH', 'UBND xã Nam Hưng', 'xa', 'H-DS'],
  ['TT-DS', 'UBND thị trấn Đông Sơn', 'xa', 'H-DS'],
  ['X-TQ', 'UBND xã Thanh Quang', 'xa', 'H-TH'],
  ['X-QT', 'UBND xã Quốc Tuấn', 'xa', 'H-TH'],
  ['X-HL', 'UBND xã Hợp Lễ', 'xa', 'H-NG'],
  ['P-TP', 'UBND phường Trần Phú', 'phuong', 'TX-BL'],
  ['P-HB', 'UBND phường Hòa Bình', 'phuong', 'TX-BL'],
];

/** Communes and wards from 01/07/2025, each with the old units it was formed from (principal first). */
export const NEW_COMMUNES: [id: string, name: string, type: 'xa' | 'phuong', from: string[]][] = [
  ['XA-AN-LAM', 'UBND xã An Lâm', 'xa', ['X-AL', 'X-NH']],
  ['XA-DONG-SON', 'UBND xã Đông Sơn', 'xa', ['TT-DS']],
  ['XA-THANH-QUANG', 'UBND xã Thanh Quang', 'xa', ['X-TQ', 'X-QT']],
  ['XA-HOP-LE', 'UBND xã Hợp Lễ', 'xa', ['X-HL']],
  ['PHUONG-TRAN-PHU', 'UBND phường Trần Phú', 'phuong', ['P-TP', 'P-HB']],
];

const d = (value: string | number) => Decimal.of(value);
type Spec = [code: string, title: string, max: string | number, rule?: Rule];

function nodes(specs: Spec[]): FrameworkNodeInput[] {
  const list: FrameworkNodeInput[] = specs.map(([code, title, max, rule]) => ({
    code,
    title,
    maxPoints: d(max),
    rule,
  }));
  // A parent's max is its children's sum; written once, computed here.
  for (const node of [...list].reverse()) {
    const children = list.filter(
      (n) =>
        n.code.startsWith(`${node.code}.`) &&
        n.code.split('.').length === node.code.split('.').length + 1,
    );
    if (children.length > 0) node.maxPoints = Decimal.sum(children.map((c) => c.maxPoints));
  }
  return list;
}

/** Ratio bands from [minimum %, points] pairs, highest first; nothing to count earns full points. */
const ratioBands = (...bands: [number, string | number][]): Rule => ({
  kind: 'ratioBands',
  whenZeroDenominator: 'full',
  bands: bands.map(([min, points]) => ({ minPercent: d(min), inclusive: true, points: d(points) })),
});
/** The same, its facts taken from the one-stop system's procedure statistics (decision 0026). */
const fedBands = (statistic: StatisticKey, ...bands: [number, string | number][]): Rule => ({
  ...(ratioBands(...bands) as RatioBandsRule),
  statistic,
});
const plan = (deadline: string): Rule => ({
  kind: 'timeliness',
  deadline,
  latePoints: d('0.5'),
  notDonePoints: d(0),
});
const manual: Rule = { kind: 'manual', step: d('0.25') };
const proportional = (fullAt = 100): Rule => ({
  kind: 'proportional',
  fullAtPercent: d(fullAt),
  whenZeroDenominator: 'full',
});
const surveyOfAgencies: Rule = {
  kind: 'survey',
  groups: [
    { group: 'daiBieu', label: 'Đại biểu HĐND tỉnh', weight: d(1) },
    { group: 'mttq', label: 'Lãnh đạo Ủy ban MTTQ tỉnh', weight: d(1) },
    { group: 'lanhDao', label: 'Lãnh đạo UBND cấp xã', weight: d(2) },
  ],
};
const sipas: Rule = { kind: 'externalIndex', fullAt: d(100) };

/** Departments, modelled on seed 001: 71,5 points on evidence in 7 areas and 28,5 by survey. */
export function departmentFramework(year: number): FrameworkInput {
  return {
    name: `Bộ chỉ số CCHC các sở, ban, ngành năm ${year}`,
    year,
    unitType: 'so',
    nodes: nodes([
      ['1', 'Công tác chỉ đạo, điều hành CCHC', 0],
      ['1.1', 'Kế hoạch CCHC năm', 0],
      ['1.1.1', 'Ban hành kế hoạch CCHC năm đúng hạn', 1, plan(`${year}-01-31`)],
      ['1.1.2', 'Mức độ hoàn thành kế hoạch CCHC', 2, ratioBands([100, 2], [80, 1])],
      [
        '1.2',
        'Báo cáo CCHC định kỳ (4 báo cáo, đúng hạn)',
        2,
        { kind: 'countOnTime', required: 4, partialCredit: true },
      ],
      ['1.3', 'Công tác kiểm tra, tuyên truyền CCHC', 4.5, manual],
      [
        '1.4',
        'Sáng kiến CCHC được công nhận (1 điểm/sáng kiến)',
        2,
        { kind: 'perItem', pointsPerItem: d(1) },
      ],
      [
        '1.5',
        'Thực hiện nhiệm vụ UBND tỉnh giao (trừ 0,5 điểm/nhiệm vụ quá hạn)',
        3,
        { kind: 'deduction', pointsPerOccurrence: d('0.5'), minPoints: d(0) },
      ],
      ['2', 'Cải cách thể chế', 0],
      ['2.1', 'Xây dựng văn bản QPPL đúng tiến độ', 4, proportional()],
      ['2.2', 'Rà soát, hệ thống hóa văn bản QPPL', 3, manual],
      ['2.3', 'Theo dõi thi hành pháp luật', 3, manual],
      ['3', 'Cải cách thủ tục hành chính', 0],
      [
        '3.1',
        'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
        4,
        fedBands('onTimeRate', [100, 4], [98, '3.5'], [0, 2]),
      ],
      [
        '3.2',
        'Xin lỗi bằng văn bản khi giải quyết TTHC trễ hạn',
        2,
        { kind: 'noneArose', otherwise: proportional() },
      ],
      ['3.3', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 5, proportional()],
      ['3.4', 'Công khai TTHC, tiếp nhận phản ánh, kiến nghị', 5, manual],
      ['4', 'Cải cách tổ chức bộ máy hành chính nhà nước', 0],
      ['4.1', 'Thực hiện quy định về tổ chức bộ máy', 3.5, manual],
      ['4.2', 'Sử dụng biên chế được giao', 3, manual],
      ['5', 'Cải cách chế độ công vụ', 0],
      ['5.1', 'Vị trí việc làm, cơ cấu ngạch công chức', 3, manual],
      [
        '5.2',
        'Chấp hành kỷ luật, kỷ cương hành chính (trừ 0,5 điểm/trường hợp)',
        2.5,
        { kind: 'deduction', pointsPerOccurrence: d('0.5'), minPoints: d(0) },
      ],
      ['5.3', 'Đào tạo, bồi dưỡng công chức, viên chức', 4, proportional()],
      ['6', 'Cải cách tài chính công', 0],
      ['6.1', 'Giải ngân vốn đầu tư công', 3, proportional(95)],
      [
        '6.2',
        'Cơ chế tự chủ của đơn vị sự nghiệp công lập',
        3,
        {
          kind: 'notApplicableWhen',
          condition: 'sở không có đơn vị sự nghiệp công lập',
          otherwise: manual,
        },
      ],
      ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 0],
      ['7.1', 'Hồ sơ trực tuyến toàn trình (đủ điểm từ 80%)', 5, proportional(80)],
      ['7.2', 'Xử lý văn bản trên môi trường mạng', 4, proportional()],
      ['8', 'Đánh giá qua điều tra xã hội học', 0],
      ['8.1', 'Ý kiến của các cơ quan, tổ chức', 18.5, surveyOfAgencies],
      ['8.2', 'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', 10, sipas],
    ]),
  };
}

/**
 * Communes and wards: 100 points in 8 areas, SIPAS included; the province's from 2025, a
 * district's own before (`name` then says whose).
 */
export function communeFramework(
  year: number,
  unitType: 'xa' | 'phuong',
  name = `Bộ chỉ số CCHC cấp xã (${unitType === 'xa' ? 'xã, đặc khu' : 'phường'}) năm ${year}`,
): FrameworkInput {
  return {
    name,
    year,
    unitType,
    nodes: nodes([
      ['1', 'Công tác chỉ đạo, điều hành CCHC', 0],
      ['1.1', 'Kế hoạch CCHC năm', 3, plan(`${year}-01-31`)],
      [
        '1.2',
        'Báo cáo CCHC định kỳ',
        3,
        { kind: 'countOnTime', required: 4, partialCredit: false },
      ],
      ['1.3', 'Đối thoại với Nhân dân', 6, manual],
      ['2', 'Cải cách thể chế', 0],
      ['2.1', 'Ban hành, rà soát văn bản', 8, manual],
      ['3', 'Cải cách thủ tục hành chính', 0],
      ['3.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 8, fedBands('onTimeRate', [100, 8], [0, 7])],
      [
        '3.2',
        'Tỷ lệ TTHC có hồ sơ qua dịch vụ bưu chính công ích (từ 30%)',
        4,
        fedBands('postalProcedureRate', [30, 4]),
      ],
      ['3.3', 'Hoạt động Bộ phận Một cửa', 8, manual],
      ['4', 'Cải cách tổ chức bộ máy', 0],
      ['4.1', 'Tổ chức bộ máy, biên chế', 8, manual],
      ['5', 'Cải cách chế độ công vụ', 0],
      ['5.1', 'Cán bộ, công chức đạt chuẩn', 6, proportional()],
      [
        '5.2',
        'Kỷ luật, kỷ cương hành chính',
        6,
        { kind: 'deduction', pointsPerOccurrence: d(1), minPoints: d(0) },
      ],
      ['6', 'Cải cách tài chính công', 0],
      ['6.1', 'Thu, chi ngân sách theo dự toán', 10, proportional(100)],
      ['7', 'Chính quyền số', 0],
      ['7.1', 'Dịch vụ công trực tuyến toàn trình', 9, proportional(60)],
      ['7.2', 'Thanh toán trực tuyến', 6, proportional(50)],
      ['8', 'Sự hài lòng của người dân, tổ chức', 0],
      ['8.1', 'Chỉ số hài lòng (SIPAS)', 15, sipas],
    ]),
  };
}

/** Rules given to some leaves of the seed 004 district tree (the appendix has none). */
export function districtRules(year: number): Record<string, Rule> {
  return {
    '1.1': plan(`${year}-01-31`),
    '1.2': { kind: 'countOnTime', required: 4, partialCredit: false },
    '3.4': fedBands('onTimeRate', [100, 7], [98, '6.5'], [0, 5]),
    '3.6': { kind: 'noneArose', otherwise: proportional() },
    '7.2': proportional(80),
    '8.1': sipas,
    [LOWER_LEAF[0]]: {
      kind: 'lowerUnits',
      aggregate: 'mean',
      // A thị xã's wards count as a huyện's communes do.
      source: { unitType: 'xa', alsoUnitTypes: ['phuong'], year },
    },
  };
}

/**
 * Seed 000's leaf 8.3, the district's communes' index, put in the seed 004 tree in place of
 * its 8.3 (annual budget revenue, 0,5) and 8.6 (socio-economic targets, 1): area 8 keeps its 13.
 */
export const LOWER_LEAF = [
  '8.3',
  'Kết quả đánh giá xác định chỉ số CCHC năm của UBND cấp xã',
  '1.5',
] as const;
export const DROPPED_DISTRICT_LEAVES = ['8.6'];
