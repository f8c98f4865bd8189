import {
  Decimal,
  formatPercent,
  formatPoints,
  formatThreshold,
  formatVietnamTime,
} from '@chiso/core';
import type { PlainSheet } from '../../spreadsheet/write-sheets.js';
import type { SurveyResults } from './read-survey-results.js';

const MODE_LABELS = { regular: 'Thường xuyên', spot: 'Đột xuất' } as const;

const percent = (value: string | null) => (value === null ? '' : formatPercent(Decimal.of(value)));
const points = (value: string | null) => (value === null ? '' : formatPoints(Decimal.of(value)));

/**
 * The survey results as three sheets: "Tỷ lệ phản hồi", "Điểm khảo sát" and "SIPAS". Values
 * are exact in the database; here they are rounded for reading by the core's formatters.
 */
export function surveyResultsSheets(results: SurveyResults): PlainSheet[] {
  const computed =
    results.computedAt === null
      ? 'chưa tính'
      : formatVietnamTime(new Date(results.computedAt).getTime());
  const rates: PlainSheet = {
    sheet: 'Tỷ lệ phản hồi',
    rows: [
      [
        'Phiếu khảo sát',
        'Nhóm đối tượng',
        'Mã đơn vị',
        'Tên đơn vị',
        'Số phiếu thu về',
        'Số phiếu cần thu',
        'Tỷ lệ phản hồi',
        'Thời điểm tính',
      ],
      ...results.rates.map((r) => [
        r.surveyName,
        r.groupLabel,
        r.unitId,
        r.unitName,
        r.responses,
        r.target,
        percent(r.rate),
        computed,
      ]),
    ],
  };
  const leaves: PlainSheet = {
    sheet: 'Điểm khảo sát',
    rows: [
      [
        'Mã đơn vị',
        'Tên đơn vị',
        'Mã tiêu chí',
        'Tiêu chí',
        'Điểm tối đa',
        'Điểm',
        'Điểm bình quân theo nhóm đối tượng',
        'Cách tính',
      ],
      ...results.leaves.map((l) => [
        l.unitId,
        l.unitName,
        l.code,
        l.title,
        points(l.max),
        points(l.points),
        l.groups
          .map(
            (g) =>
              `${g.label}: ${g.mean === null ? 'chưa có câu trả lời' : percent(g.mean)} (${g.answers} câu trả lời, ${g.responses} phiếu)`,
          )
          .join('; '),
        l.explanation,
      ]),
    ],
  };
  const elementKeys = [...new Set(results.sipas.flatMap((s) => s.elements.map((e) => e.key)))];
  const elementLabels = new Map(
    results.sipas.flatMap((s) => s.elements.map((e) => [e.key, e.label] as const)),
  );
  const sipas: PlainSheet = {
    sheet: 'SIPAS',
    rows: [
      [
        'Phiếu khảo sát',
        'Mã đơn vị',
        'Tên đơn vị',
        'Hình thức',
        'Số phiếu',
        'Chỉ số SIPAS',
        'Chỉ tiêu',
        'Đạt chỉ tiêu',
        ...elementKeys.map((key) => elementLabels.get(key) ?? key),
      ],
      ...results.sipas.map((s) => [
        s.surveyName,
        s.unitId,
        s.unitName,
        MODE_LABELS[s.mode],
        s.responses,
        percent(s.overall),
        `trên ${formatThreshold(Decimal.of(s.target))}`,
        s.met === null ? '' : s.met ? 'Đạt' : 'Không đạt',
        ...elementKeys.map((key) =>
          percent(s.elements.find((e) => e.key === key)?.percent ?? null),
        ),
      ]),
    ],
  };
  return [rates, leaves, sipas];
}
