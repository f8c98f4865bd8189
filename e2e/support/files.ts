import ExcelJS from 'exceljs';
import { samplePdf } from '../../packages/server/dist/demo/pdf.js';

type Row = (string | number | null)[];

const HEADER: Row = [
  'Stt',
  'Lĩnh vực/Tiêu chí',
  'Điểm tối đa',
  'Quy tắc chấm',
  'Tài liệu kiểm chứng',
  'Hướng dẫn',
];

/** The journey's framework: three leaves in two areas, with three kinds of rule. */
export const JOURNEY_FRAMEWORK: Row[] = [
  HEADER,
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 3, null, null, null],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm',
    1,
    '{"kind":"timeliness","deadline":"2026-01-31","latePoints":"0,5"}',
    'Kế hoạch CCHC năm 2026',
    'Ban hành trước 31/01/2026: đủ điểm; ban hành chậm: 0,5 điểm.',
  ],
  [
    '1.2',
    'Báo cáo CCHC định kỳ',
    2,
    '{"kind":"countOnTime","required":4,"partialCredit":true}',
    'Các báo cáo quý, 6 tháng, năm',
    null,
  ],
  ['2', 'Cải cách thủ tục hành chính', 1, null, null, null],
  [
    '2.1',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    1,
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,95"},{"minPercent":90,"points":"0,5"}]}',
    'Báo cáo kết quả giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC',
    null,
  ],
];

/** A district framework as an office would type it, with a total row and a decimal comma. */
export const DISTRICT_FRAMEWORK: Row[] = [
  ['BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2026'],
  [],
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Tài liệu kiểm chứng'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '4,5', null],
  ['1.1', 'Kế hoạch CCHC năm', '1,5', 'Kế hoạch'],
  ['1.2', 'Kiểm tra CCHC', 3, 'Báo cáo kiểm tra'],
  ['2', 'Cải cách tổ chức bộ máy', 2, null],
  ['2.1', 'Sắp xếp tổ chức bộ máy', 2, 'Quyết định sắp xếp'],
];

/** A district's framework for its communes (3 points), as its Phòng Nội vụ would type it. */
export const COMMUNE_FRAMEWORK: Row[] = [
  HEADER,
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 2, null, null, null],
  [
    '1.1',
    'Báo cáo CCHC định kỳ',
    2,
    '{"kind":"countOnTime","required":4,"partialCredit":true}',
    'Các báo cáo quý, 6 tháng, năm',
    null,
  ],
  ['2', 'Cải cách thủ tục hành chính', 1, null, null, null],
  [
    '2.1',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    1,
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,95"},{"minPercent":90,"points":"0,5"}]}',
    'Báo cáo kết quả giải quyết TTHC',
    null,
  ],
];

/** The province's framework for its districts: 8.3 takes the mean index of their communes. */
export const PROVINCE_DISTRICT_FRAMEWORK: Row[] = [
  HEADER,
  ['8', 'Tác động của CCHC', '2,5', null, null, null],
  ['8.1', 'Thu hút đầu tư', 1, '{"kind":"manual","step":"0,25"}', null, null],
  [
    '8.3',
    'Kết quả đánh giá xác định chỉ số CCHC năm của các xã',
    '1,5',
    '{"kind":"lowerUnits","aggregate":"mean","source":{"unitType":"xa"}}',
    null,
    null,
  ],
];

/** The same table with mistakes: an area whose points do not add up, a leaf with no number. */
export const BROKEN_FRAMEWORK: Row[] = [
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 5],
  ['1.1', 'Kế hoạch CCHC năm', '1,5'],
  ['1.2', 'Kiểm tra CCHC', 3],
  ['2', 'Cải cách tổ chức bộ máy', 2],
  ['2.1', 'Sắp xếp tổ chức bộ máy', 'hai'],
];

export async function xlsx(sheet: string, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-page scanned-document stand-in that Chromium's viewer renders. */
export function pdf(title: string): Buffer {
  return samplePdf([title, 'Tai lieu kiem chung dung cho kiem thu trinh duyet.']);
}
