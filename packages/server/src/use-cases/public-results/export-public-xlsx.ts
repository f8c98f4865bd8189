import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { buildOpenDataWorkbook } from '../../spreadsheet/write-open-data.js';
import { DICTIONARY_HEADER, dataColumns, dataRows, dictionaryOf } from './data-dictionary.js';
import { modelOf, type Portal } from './portal.js';
import { licenceOf } from './present-public.js';
import { unitAreas } from './unit-criteria.js';

const AREA_TYPES = [
  'văn bản',
  'văn bản',
  'văn bản',
  'văn bản',
  'văn bản',
  'số thập phân',
  'số thập phân',
  'số thập phân',
  'số nguyên',
  'số thập phân',
];

/**
 * data.xlsx: "Kết quả" (the CSV's rows), "Lĩnh vực" (a row per unit and area, beside the
 * block's mean), "Từ điển dữ liệu" (the columns of both) and "Giấy phép" (the licence and how to
 * credit it).
 */
export async function exportPublicXlsx(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
): Promise<Buffer> {
  const model = await modelOf(ctx, portal, state);
  const columns = dataColumns(model);
  const rows = dataRows(model);
  const licence = licenceOf(ctx.deps.config.issuer, state);
  const areaHeader = [
    'Mã khối',
    'Mã đơn vị',
    'Tên đơn vị',
    'Mã lĩnh vực',
    'Lĩnh vực',
    'Điểm',
    'Điểm tối đa',
    'Tỷ lệ (%)',
    'Xếp hạng lĩnh vực trong khối',
    'Tỷ lệ bình quân của khối (%)',
  ];
  const areaMeaning = [
    'Mã nhóm xếp hạng (khối) của đơn vị',
    'Mã ổn định của đơn vị',
    'Tên đơn vị tại thời điểm công bố',
    'Mã lĩnh vực trong bộ chỉ số',
    'Tên lĩnh vực',
    'Điểm đạt được ở lĩnh vực; trống khi không áp dụng',
    'Điểm tối đa của lĩnh vực; trống khi không áp dụng',
    'Điểm chia điểm tối đa, nhân 100, làm tròn đến phần triệu',
    'Thứ hạng của tỷ lệ lĩnh vực trong khối',
    'Bình quân tỷ lệ lĩnh vực của các đơn vị trong khối có áp dụng lĩnh vực',
  ];
  return buildOpenDataWorkbook([
    {
      name: 'Kết quả',
      header: columns.map((c) => c.column),
      rows: rows.map((row) => columns.map((c) => c.value(row))),
      widths: [24, 8, 10, 10, 26, 14, 36, 22],
    },
    {
      name: 'Lĩnh vực',
      header: areaHeader,
      rows: rows.flatMap((row) =>
        unitAreas(row.block, row.unit).map((a) => [
          row.block.group,
          row.unit.id,
          row.unit.name,
          a.code,
          a.title,
          a.points,
          a.maxPoints,
          a.percent,
          a.rank,
          a.peerMeanPercent,
        ]),
      ),
      widths: [10, 14, 36, 10, 40],
    },
    {
      name: 'Từ điển dữ liệu',
      header: ['Trang tính', ...DICTIONARY_HEADER],
      rows: [
        ...dictionaryOf(model).map((d) => ['Kết quả', d.column, d.meaning, d.type, d.unit]),
        ...areaHeader.map((column, i) => [
          'Lĩnh vực',
          column,
          areaMeaning[i] ?? '',
          AREA_TYPES[i] ?? 'văn bản',
          '',
        ]),
      ],
      widths: [16, 28, 90, 14, 10],
    },
    {
      name: 'Giấy phép',
      header: ['Mục', 'Nội dung'],
      rows: [
        ['Giấy phép', licence.name],
        ['Địa chỉ giấy phép', licence.url],
        ['Ghi nguồn khi sử dụng', licence.attribution],
        ['Kỳ đánh giá', state.name],
        ['Lần công bố', state.version],
      ],
      widths: [24, 100],
    },
  ]);
}
