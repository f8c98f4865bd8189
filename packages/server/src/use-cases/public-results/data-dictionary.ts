import { unitTypeLabel } from '@chiso/core';
import type { PeriodModel, PublishedUnit, BlockModel } from './period-model.js';

/** One column of the open data: its header, what it means, its type and unit. */
export interface DictionaryEntry {
  column: string;
  meaning: string;
  type: 'văn bản' | 'số nguyên' | 'số thập phân';
  unit: string;
}

type Row = { model: PeriodModel; block: BlockModel; unit: PublishedUnit };

interface Column extends DictionaryEntry {
  value: (row: Row) => string | number | null;
}

const NUMBERS =
  'viết bằng dấu chấm thập phân, không có dấu phân cách hàng nghìn (84.96, không phải 84,96); để trống khi không có';

/** The fixed columns of data.csv, in order; the areas' points follow, one column per area. */
const FIXED: Column[] = [
  {
    column: 'Kỳ đánh giá',
    meaning: 'Tên kỳ đánh giá Chỉ số CCHC',
    type: 'văn bản',
    unit: '',
    value: (r) => r.model.state.name,
  },
  {
    column: 'Năm',
    meaning: 'Năm đánh giá',
    type: 'số nguyên',
    unit: 'năm',
    value: (r) => r.model.state.year,
  },
  {
    column: 'Lần công bố',
    meaning:
      'Lần công bố đang có hiệu lực: 1 là quyết định công bố của Hội đồng, từ 2 trở đi là đính chính',
    type: 'số nguyên',
    unit: '',
    value: (r) => r.model.state.version,
  },
  {
    column: 'Mã khối',
    meaning: 'Mã nhóm xếp hạng (khối) của đơn vị; các đơn vị cùng khối được xếp hạng với nhau',
    type: 'văn bản',
    unit: '',
    value: (r) => r.block.group,
  },
  {
    column: 'Khối',
    meaning: 'Tên khối xếp hạng',
    type: 'văn bản',
    unit: '',
    value: (r) => r.block.label,
  },
  {
    column: 'Mã đơn vị',
    meaning: 'Mã ổn định của đơn vị trong chiso (dùng trong đường dẫn trang của đơn vị)',
    type: 'văn bản',
    unit: '',
    value: (r) => r.unit.id,
  },
  {
    column: 'Tên đơn vị',
    meaning: 'Tên đơn vị tại thời điểm công bố',
    type: 'văn bản',
    unit: '',
    value: (r) => r.unit.name,
  },
  {
    column: 'Loại đơn vị',
    meaning: 'Loại đơn vị (sở, ban, ngành; UBND cấp huyện; UBND xã; …)',
    type: 'văn bản',
    unit: '',
    value: (r) => (r.unit.type === null ? null : unitTypeLabel(r.unit.type)),
  },
  {
    column: 'Xếp hạng',
    meaning: 'Thứ hạng trong khối (1 là cao nhất; các đơn vị bằng điểm cùng hạng)',
    type: 'số nguyên',
    unit: 'hạng',
    value: (r) => r.unit.rank,
  },
  {
    column: 'Số đơn vị xếp hạng',
    meaning: 'Số đơn vị được xếp hạng trong khối',
    type: 'số nguyên',
    unit: 'đơn vị',
    value: (r) => r.unit.groupSize,
  },
  {
    column: 'Điểm',
    meaning: `Tổng điểm đạt được sau thẩm định; ${NUMBERS}`,
    type: 'số thập phân',
    unit: 'điểm',
    value: (r) => r.unit.points,
  },
  {
    column: 'Điểm tối đa',
    meaning: `Tổng điểm tối đa của các tiêu chí áp dụng cho đơn vị; ${NUMBERS}`,
    type: 'số thập phân',
    unit: 'điểm',
    value: (r) => r.unit.maxPoints,
  },
  {
    column: 'Chỉ số (%)',
    meaning: `Chỉ số CCHC: điểm chia điểm tối đa, nhân 100, làm tròn đến phần triệu; ${NUMBERS}`,
    type: 'số thập phân',
    unit: '%',
    value: (r) => r.unit.percent,
  },
  {
    column: 'Xếp loại',
    meaning: 'Nhóm xếp loại theo Chỉ số (ngưỡng do bộ chỉ số quy định)',
    type: 'văn bản',
    unit: '',
    value: (r) => r.unit.band,
  },
  {
    column: 'Đánh giá người đứng đầu',
    meaning: 'Mức đánh giá người đứng đầu theo kết quả Chỉ số',
    type: 'văn bản',
    unit: '',
    value: (r) => r.unit.headRating,
  },
  {
    column: 'Xếp hạng năm trước',
    meaning:
      'Thứ hạng của đơn vị (hoặc đơn vị tiền thân theo sáp nhập, đổi tên) trong kỳ công bố trước',
    type: 'số nguyên',
    unit: 'hạng',
    value: (r) => r.unit.previousRank,
  },
  {
    column: 'Thay đổi thứ hạng',
    meaning: 'Số bậc thay đổi so với năm trước: dương là tăng hạng, âm là giảm hạng',
    type: 'số nguyên',
    unit: 'bậc',
    value: (r) => r.unit.rankChange,
  },
];

/** Every area code of the period's frameworks, in framework order, with its titles. */
function areasOf(model: PeriodModel): { code: string; titles: string[] }[] {
  const areas = new Map<string, string[]>();
  for (const block of model.blocks) {
    for (const node of block.framework.nodes) {
      if (node.depth !== 1) continue;
      const titles = areas.get(node.code) ?? [];
      if (!titles.includes(node.title)) titles.push(node.title);
      areas.set(node.code, titles);
    }
  }
  return [...areas].map(([code, titles]) => ({ code, titles }));
}

/** The columns of the open data of a period: fixed ones, then one per area. */
export function dataColumns(model: PeriodModel): Column[] {
  return [
    ...FIXED,
    ...areasOf(model).map(
      (area): Column => ({
        column: `Điểm lĩnh vực ${area.code}`,
        meaning: `Điểm đạt được ở lĩnh vực ${area.code} (${area.titles.join('; ')}); để trống khi lĩnh vực không áp dụng cho đơn vị; ${NUMBERS}`,
        type: 'số thập phân',
        unit: 'điểm',
        value: (r) => {
          const found = r.unit.areas.find((a) => a.code === area.code);
          return found?.applicable ? found.points : null;
        },
      }),
    ),
  ];
}

export function dictionaryOf(model: PeriodModel): DictionaryEntry[] {
  return dataColumns(model).map(({ column, meaning, type, unit }) => ({
    column,
    meaning,
    type,
    unit,
  }));
}

/** One row per unit, blocks in order, each block in rank order. */
export function dataRows(model: PeriodModel): Row[] {
  return model.blocks.flatMap((block) => block.units.map((unit) => ({ model, block, unit })));
}

export const DICTIONARY_HEADER = ['Cột', 'Ý nghĩa', 'Kiểu dữ liệu', 'Đơn vị'];
