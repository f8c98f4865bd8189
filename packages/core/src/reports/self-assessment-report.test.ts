import { describe, expect, it } from 'vitest';
import { computeResults } from '../results/compute-results.js';
import { frameworkOf, resultsInputOf } from '../test-support/factories.js';
import {
  buildSelfAssessmentReport,
  selfAssessmentReportText,
  type SelfReportLeaf,
} from './self-assessment-report.js';

// Area 1: 1.1 (4), 1.2 (6), 1.3 (2.5, not applicable to this unit); area 2: 2.1 (10, survey).
const framework = frameworkOf([
  ['1', '12.5'],
  ['1.1', '4'],
  ['1.2', '6'],
  ['1.3', '2.5'],
  ['2', '10'],
  ['2.1', '10'],
]);
const self = computeResults(
  resultsInputOf(framework, [
    {
      id: 'SXD',
      name: 'Sở Xây dựng',
      points: { '1.1': '4', '1.2': '4.75', '2.1': '8.125' },
      notApplicable: ['1.3'],
    },
  ]),
).units[0]!;

const leaf = (over: Partial<SelfReportLeaf>): SelfReportLeaf => ({
  explanation: undefined,
  evidence: [],
  supplementedOn: undefined,
  surveyFed: false,
  ...over,
});
const leaves = new Map<string, SelfReportLeaf>([
  [
    '1.1',
    leaf({
      evidence: [
        { fileName: 'ke-hoach-cchc-2022.pdf', pageRef: 'trang 3' },
        { fileName: 'QĐ 15-QĐ-SXD.pdf', pageRef: undefined },
      ],
    }),
  ],
  [
    '1.2',
    leaf({
      explanation: 'Báo cáo quý IV đang trình ký',
      supplementedOn: '2023-01-13',
      evidence: [{ fileName: 'bao-cao-quy-iv.pdf', pageRef: undefined, addedOn: '2023-01-13' }],
    }),
  ],
  ['1.3', leaf({})],
  ['2.1', leaf({ surveyFed: true })],
]);

/** Reviewed against the contents the domain research gives (summary, explanations, table). */
const GOLDEN = `
BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022 của Sở Xây dựng
Kính gửi: Hội đồng thẩm định Chỉ số cải cách hành chính tỉnh; Sở Nội vụ.
Thực hiện kế hoạch xác định Chỉ số cải cách hành chính năm 2022, Sở Xây dựng đã tự rà soát, thu thập tài liệu kiểm chứng, tự đánh giá, chấm điểm theo từng lĩnh vực, tiêu chí, tiêu chí thành phần của Bộ chỉ số thử nghiệm. Sở Xây dựng báo cáo kết quả như sau:
I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM
Tổng điểm tự đánh giá: 16,88/20 điểm (Chỉ số 84,38%), trong đó:
- 1. Mục 1: 8,75/10 điểm, đạt 87,50%;
- 2. Mục 2: 8,13/10 điểm, đạt 81,25%.
Kết quả tự đánh giá được gửi ngày 10/01/2023 (Trần Văn Bình).
Sau khi gửi, đơn vị đã bổ sung theo yêu cầu của Tổ thẩm định 01 tiêu chí thành phần: 1.2 (ngày 13/01/2023); báo cáo phản ánh kết quả tự đánh giá sau lần bổ sung cuối.
Điểm tự đánh giá, giải trình và tài liệu kiểm chứng của từng tiêu chí thành phần tại Phụ lục kèm theo.
II. GIẢI TRÌNH CÁC TIÊU CHÍ CHẤM ĐIỂM KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG
Không có: mọi tiêu chí thành phần có điểm đều có tài liệu kiểm chứng.
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TRƯỞNG ĐƠN VỊ
Trần Văn Bình
Mã | Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần | Điểm tối đa | Điểm tự đánh giá | Giải trình, ghi chú | Tài liệu kiểm chứng
1 | Mục 1 | 10 | 8,75 |  | 
1.1 | Mục 1.1 | 4 | 4 |  | ke-hoach-cchc-2022.pdf (trang 3); QĐ 15-QĐ-SXD.pdf
1.2 | Mục 1.2 | 6 | 4,75 | Báo cáo quý IV đang trình ký. Bổ sung ngày 13/01/2023 | bao-cao-quy-iv.pdf (bổ sung ngày 13/01/2023)
1.3 | Mục 1.3 | 2,5 | — | Không áp dụng | 
2 | Mục 2 | 10 | 8,125 |  | 
2.1 | Mục 2.1 | 10 | 8,125 | Điểm từ kết quả điều tra xã hội học | 
 | TỔNG ĐIỂM | 20 | 16,875 |  | 
`.trim();

describe('the unit’s self-assessment report', () => {
  it('words the total, the areas, the sending and every node of the unit’s own side', () => {
    const view = buildSelfAssessmentReport({
      framework,
      year: 2022,
      self,
      leaves,
      submittedOn: '2023-01-10',
      submittedBy: 'Trần Văn Bình',
    });
    expect(selfAssessmentReportText(view).trimEnd()).toBe(GOLDEN);
    expect(view.draft).toBe(false);
  });

  it('is a draft before submission and lists leaves scored on an explanation alone', () => {
    const view = buildSelfAssessmentReport({
      framework,
      year: 2022,
      self,
      leaves: new Map([
        ...leaves,
        ['1.1', leaf({ explanation: 'Kế hoạch ban hành tại Văn bản số 12/SXD-VP, chưa số hóa' })],
      ]),
      submittedOn: undefined,
      submittedBy: undefined,
    });
    const text = selfAssessmentReportText(view);
    expect(view.draft).toBe(true);
    expect(text.startsWith('DỰ THẢO\n')).toBe(true);
    expect(text).toContain('Đơn vị chưa gửi kết quả tự đánh giá');
    expect(view.sections[1]?.paragraphs).toEqual([
      '- 1.1. Mục 1.1: Kế hoạch ban hành tại Văn bản số 12/SXD-VP, chưa số hóa',
    ]);
    // The head signs by hand: no name before submission.
    expect(view.signature).toEqual({ position: 'THỦ TRƯỞNG ĐƠN VỊ', name: undefined });
  });
});
