import { Decimal } from '../decimal/decimal.js';

/**
 * A fictional province (tỉnh Hòa An, 2025) for the results report: seed 001's seven areas
 * worth 71,5 points through evidence and 28,5 through surveys, three blocks (five
 * departments, four districts, three communes without area 6), last year's ranks, a survey sample, the
 * windows and part of the narrative. A plain JSON request of `chiso report`.
 */
const NODES: [code: string, title: string, max: string, rule?: unknown][] = [
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', '14,5'],
  ['1.1', 'Kế hoạch CCHC năm', '6,5'],
  ['1.2', 'Báo cáo CCHC định kỳ', '8'],
  ['2', 'Cải cách thể chế', '10'],
  ['2.1', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', '10'],
  ['3', 'Cải cách thủ tục hành chính', '16'],
  ['3.1', 'Công khai thủ tục hành chính', '6'],
  ['3.2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '10'],
  ['4', 'Cải cách tổ chức bộ máy hành chính nhà nước', '6,5'],
  ['4.1', 'Sắp xếp tổ chức bộ máy', '6,5'],
  ['5', 'Cải cách chế độ công vụ', '9,5'],
  ['5.1', 'Vị trí việc làm và cơ cấu ngạch công chức', '9,5'],
  ['6', 'Cải cách tài chính công', '6'],
  ['6.1', 'Thực hiện dự toán ngân sách', '6'],
  ['7', 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', '9'],
  ['7.1', 'Dịch vụ công trực tuyến toàn trình', '4,5'],
  ['7.2', 'Số hóa hồ sơ, kết quả giải quyết TTHC', '4,5'],
  ['8', 'Đánh giá qua điều tra xã hội học', '28,5'],
  [
    '8.1',
    'Đánh giá của các tổ chức, cơ quan đối với công tác CCHC',
    '18,5',
    { kind: 'survey', groups: [{ group: 'to-chuc', label: 'Tổ chức, cơ quan' }] },
  ],
  [
    '8.2',
    'Mức độ hài lòng của người dân, doanh nghiệp (SIPAS)',
    '10',
    { kind: 'externalIndex', fullAt: 100 },
  ],
];

const LEAVES = NODES.filter(([code]) => code.includes('.'));

interface UnitSpec {
  id: string;
  name: string;
  group: string;
  /** Points lost by leaf; every other leaf has its max. */
  lost: Record<string, string>;
  previousRank?: number;
  selfAssessed?: Record<string, string>;
  reasons?: Record<string, string>;
}

const UNITS: UnitSpec[] = [
  {
    id: 'so-gtvt',
    name: 'Sở Giao thông vận tải',
    group: 'so',
    lost: { '1.2': '0,5', '8.1': '1' },
    previousRank: 1,
  },
  {
    id: 'so-nv',
    name: 'Sở Nội vụ',
    group: 'so',
    lost: { '3.2': '2', '5.1': '1,5' },
    previousRank: 4,
  },
  {
    id: 'so-khcn',
    name: 'Sở Khoa học và Công nghệ',
    group: 'so',
    lost: { '2.1': '3', '8.2': '2,5' },
    previousRank: 3,
  },
  {
    id: 'so-gddt',
    name: 'Sở Giáo dục và Đào tạo',
    group: 'so',
    lost: { '1.1': '2', '2.1': '4', '3.1': '1', '5.1': '2', '6.1': '1', '8.1': '5' },
    previousRank: 5,
  },
  {
    id: 'so-yt',
    name: 'Sở Y tế',
    group: 'so',
    lost: {
      '1.2': '3',
      '3.1': '3',
      '3.2': '2',
      '4.1': '1,5',
      '5.1': '3',
      '7.1': '2',
      '7.2': '0,5',
      '8.1': '3',
      '8.2': '4',
    },
    previousRank: 2,
    selfAssessed: { '3.1': '6', '3.2': '10', '7.1': '4,5' },
    reasons: {
      '3.1': 'Chưa công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công',
      '3.2': 'Tỷ lệ hồ sơ giải quyết đúng hạn 96%, chưa đạt 100%',
    },
  },
  {
    id: 'h-kimson',
    name: 'UBND huyện Kim Sơn',
    group: 'huyen',
    lost: { '1.1': '0,5', '8.2': '1' },
    previousRank: 4,
  },
  {
    id: 'tp-hoaan',
    name: 'UBND thành phố Hòa An',
    group: 'huyen',
    lost: { '2.1': '1', '3.2': '4', '7.2': '1', '8.1': '3' },
    previousRank: 1,
  },
  {
    id: 'h-thanhbinh',
    name: 'UBND huyện Thanh Bình',
    group: 'huyen',
    lost: { '1.2': '2', '5.1': '2', '8.1': '4', '8.2': '2' },
    previousRank: 3,
  },
  {
    id: 'h-tuloc',
    name: 'UBND huyện Tứ Lộc',
    group: 'huyen',
    lost: { '3.1': '2', '3.2': '3', '4.1': '1', '6.1': '1', '7.1': '1', '8.1': '5' },
    previousRank: 2,
  },
  { id: 'x-anphu', name: 'UBND xã An Phú', group: 'xa', lost: { '8.1': '2' }, previousRank: 3 },
  {
    id: 'x-binhminh',
    name: 'UBND xã Bình Minh',
    group: 'xa',
    lost: { '1.1': '1', '7.1': '2', '7.2': '1', '8.1': '4' },
    previousRank: 1,
  },
  {
    id: 'x-tanlap',
    name: 'UBND xã Tân Lập',
    group: 'xa',
    lost: { '1.1': '3', '1.2': '4', '2.1': '3', '3.1': '2', '5.1': '3', '8.1': '8', '8.2': '3' },
    previousRank: 2,
  },
];

const max = new Map(LEAVES.map(([code, , value]) => [code, Decimal.of(value.replace(',', '.'))]));
const pointsOf = (group: string, lost: Record<string, string>) =>
  Object.fromEntries(
    LEAVES.filter(([code]) => group !== 'xa' || !code.startsWith('6')).map(([code]) => {
      const loss = Decimal.of((lost[code] ?? '0').replace(',', '.'));
      return [code, max.get(code)!.minus(loss).toString()];
    }),
  );

export const PROVINCE_REPORT_OPTIONS = {
  issuer: 'Ủy ban nhân dân tỉnh Hòa An',
  number: '27/BC-UBND',
  place: 'Hòa An',
  date: '2026-03-01',
  blocks: [
    { group: 'so', name: 'các sở, ban, ngành tỉnh', heads: 'Thủ trưởng các sở, ban, ngành tỉnh' },
    {
      group: 'huyen',
      name: 'UBND các huyện, thành phố',
      heads: 'Chủ tịch UBND các huyện, thành phố',
    },
  ],
  survey: [
    {
      group: 'so',
      respondents: [
        { label: 'Đại biểu HĐND tỉnh', count: 20 },
        { label: 'Lãnh đạo Ủy ban MTTQ tỉnh', count: '04' },
        { label: 'Lãnh đạo UBND, Thường trực HĐND các huyện, thành phố', count: 96 },
        { label: 'người dân và doanh nghiệp', count: 640 },
      ],
    },
    {
      group: 'huyen',
      respondents: [
        { label: 'Đại biểu HĐND tỉnh', count: 20 },
        { label: 'Lãnh đạo Ủy ban MTTQ tỉnh', count: 4 },
        { label: 'Lãnh đạo các sở, ban, ngành tỉnh', count: 72 },
        { label: 'người dân và doanh nghiệp', count: '1.620' },
      ],
    },
  ],
  windows: {
    selfAssessment: { from: '2025-12-25', to: '2026-01-10' },
    appraisal: { from: '11/01/2026', to: '2026-01-16' },
  },
  narrative: {
    strengths: [
      'Việc triển khai kế hoạch, tổ chức xác định Chỉ số CCHC năm 2025 cơ bản theo đúng tiến độ thời gian.',
      'Các cơ quan, đơn vị nghiêm túc tổ chức tự đánh giá, chấm điểm.',
    ],
    weaknesses:
      'Tài liệu kiểm chứng của một số cơ quan, đơn vị còn thiếu, sơ sài.\nTỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu.',
  },
  signature: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' },
};

/** The request as `chiso report --input` reads it. */
export function reportProvinceRequest(): Record<string, unknown> {
  return {
    framework: {
      name: 'Bộ chỉ số CCHC tỉnh Hòa An (rút gọn)',
      year: 2025,
      nodes: NODES.map(([code, title, maxPoints, rule]) => ({
        code,
        title,
        maxPoints,
        ...(rule === undefined ? {} : { rule }),
        // Communes have no budget of their own to assess here: their maximum is 94.
        ...(code.startsWith('6') ? { appliesTo: ['so', 'huyen'] } : {}),
      })),
    },
    units: UNITS.map((u) => ({
      id: u.id,
      name: u.name,
      group: u.group,
      type: u.group,
      points: pointsOf(u.group, u.lost),
      ...(u.selfAssessed ? { selfAssessed: u.selfAssessed } : {}),
      ...(u.reasons ? { reasons: u.reasons } : {}),
    })),
    previous: UNITS.map((u) => ({ id: u.id, rank: u.previousRank })),
    report: PROVINCE_REPORT_OPTIONS,
  };
}
