import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
import {
  buildCouncilDecision,
  councilDecisionText,
  issuerInSentence,
  type DecisionUnit,
} from './council-decision.js';

const FLAG = 'Phải tổ chức kiểm điểm (Cải cách TTHC hoặc Chính quyền điện tử, số dưới 75%)';
const index = (points: string, max: string) =>
  Ratio.of(BigInt(Decimal.of(points).units) * 100n, BigInt(Decimal.of(max).units));

function unit(
  name: string,
  rank: number | undefined,
  points: string,
  max: string,
  band: string,
  headRating: string,
  flags: DecisionUnit['flags'] = [],
): DecisionUnit {
  return {
    name,
    rank,
    points: Decimal.of(points),
    maxPoints: Decimal.of(max),
    percent: rank === undefined ? undefined : index(points, max),
    band: rank === undefined ? undefined : band,
    headRating: rank === undefined ? undefined : headRating,
    flags,
  };
}

// Given out of rank order, as a caller might: the annex sorts them.
const departments = [
  unit('Sở Nội vụ', 2, '91.25', '100', 'Từ 90% trở lên', 'Hoàn thành xuất sắc nhiệm vụ'),
  unit('Sở Giao thông vận tải', 1, '93.5', '100', 'Từ 90% trở lên', 'Hoàn thành xuất sắc nhiệm vụ'),
  unit('Sở Y tế', 3, '78.42', '100', 'Từ 70% đến dưới 80%', 'Hoàn thành nhiệm vụ', [
    {
      label: FLAG,
      areas: [
        { title: 'Cải cách thủ tục hành chính', percent: index('11.2', '16') },
        {
          title: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
          percent: index('6.3', '9'),
        },
      ],
    },
  ]),
];
const districts = [
  unit('UBND huyện Nam Sách', 1, '90.91', '97', 'Từ 90% trở lên', 'Hoàn thành xuất sắc nhiệm vụ'),
  unit('UBND huyện Thanh Hà', 2, '74', '100', 'Từ 70% đến dưới 80%', 'Hoàn thành nhiệm vụ', [
    { label: FLAG, areas: [{ title: 'Cải cách thủ tục hành chính', percent: index('11', '16') }] },
  ]),
];

/**
 * The decision of a province with two blocks, reviewed against the form of a People's
 * Committee's decision (Nghị định 30/2020) and the duties seed 001 sets after the results:
 * review the weak areas, the units under 75 % named with their areas, Sở Nội vụ monitors.
 */
const GOLDEN = `
UBND TỈNH HÒA AN
Số: 12/QĐ-UBND
ngày 05 tháng 02 năm 2026
QUYẾT ĐỊNH
Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố
ỦY BAN NHÂN DÂN TỈNH HÒA AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Quyết định số 892/QĐ-BNV ngày 05 tháng 12 năm 2024 của Bộ trưởng Bộ Nội vụ phê duyệt Đề án "Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương giai đoạn 2024 - 2030";
Căn cứ Kế hoạch số ……/KH-UBND ngày …… của Ủy ban nhân dân tỉnh Hòa An về xác định Chỉ số cải cách hành chính năm 2025;
Căn cứ kết quả thẩm định của Hội đồng thẩm định Chỉ số cải cách hành chính;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan, đơn vị, cụ thể như sau:
1. Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh: 03 đơn vị (chi tiết tại Phụ lục I kèm theo);
2. Chỉ số cải cách hành chính năm 2025 của UBND các huyện, thị xã, thành phố: 02 đơn vị (chi tiết tại Phụ lục II kèm theo).
Điều 2. Căn cứ kết quả Chỉ số cải cách hành chính năm 2025 được công bố tại Điều 1:
1. Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch UBND các huyện, thị xã, thành phố tổ chức kiểm điểm, xác định rõ những nội dung, lĩnh vực cải cách hành chính còn hạn chế, bị trừ điểm, chỉ rõ trách nhiệm của tập thể, cá nhân, nguyên nhân khách quan, chủ quan; xây dựng và triển khai kế hoạch khắc phục, cải thiện Chỉ số cải cách hành chính năm 2026 của cơ quan, đơn vị, địa phương mình.
2. Các cơ quan, đơn vị thuộc diện cảnh báo theo kết quả Chỉ số tổ chức kiểm điểm trách nhiệm, có giải pháp khắc phục cụ thể và báo cáo kết quả về Sở Nội vụ:
- ${FLAG}: Có 02 đơn vị (gồm: Sở Y tế (Cải cách thủ tục hành chính: 70,00%; Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 70,00%); UBND huyện Thanh Hà (Cải cách thủ tục hành chính: 68,75%)).
3. Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh Hòa An kết quả khắc phục, cải thiện Chỉ số cải cách hành chính của các cơ quan, đơn vị.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Chánh Văn phòng Ủy ban nhân dân tỉnh Hòa An, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch UBND các huyện, thị xã, thành phố; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Bộ Nội vụ (để báo cáo);
- Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;
- Chủ tịch, các Phó Chủ tịch UBND tỉnh;
- Cổng thông tin điện tử tỉnh;
- Lưu: VT, SNV.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
PHỤ LỤC I
CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH TỈNH
(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Hòa An)
Xếp hạng | Cơ quan, đơn vị | Điểm đạt | Điểm tối đa | Chỉ số CCHC | Nhóm | Mức độ hoàn thành nhiệm vụ của người đứng đầu
1 | Sở Giao thông vận tải | 93,5 | 100 | 93,50% | Từ 90% trở lên | Hoàn thành xuất sắc nhiệm vụ
2 | Sở Nội vụ | 91,25 | 100 | 91,25% | Từ 90% trở lên | Hoàn thành xuất sắc nhiệm vụ
3 | Sở Y tế | 78,42 | 100 | 78,42% | Từ 70% đến dưới 80% | Hoàn thành nhiệm vụ
PHỤ LỤC II
CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ
(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Hòa An)
Xếp hạng | Cơ quan, đơn vị | Điểm đạt | Điểm tối đa | Chỉ số CCHC | Nhóm | Mức độ hoàn thành nhiệm vụ của người đứng đầu
1 | UBND huyện Nam Sách | 90,91 | 97 | 93,72% | Từ 90% trở lên | Hoàn thành xuất sắc nhiệm vụ
2 | UBND huyện Thanh Hà | 74 | 100 | 74,00% | Từ 70% đến dưới 80% | Hoàn thành nhiệm vụ
`.trim();

describe('the council decision approving and publishing the index', () => {
  it('words the heading, the bases, the three articles and the annexes in rank order', () => {
    const view = buildCouncilDecision({
      year: 2025,
      issuer: 'UBND tỉnh Hòa An',
      number: '12/QĐ-UBND',
      date: '2026-02-05',
      blocks: [
        { group: 'so', units: departments },
        { group: 'huyen', units: districts },
      ],
      flagRules: [FLAG],
      draft: false,
      erratum: undefined,
      signerName: 'Nguyễn Văn An',
    });
    expect(councilDecisionText(view)).toBe(GOLDEN);
  });

  it('leaves number, date and province blank for the clerk and marks a draft', () => {
    const view = buildCouncilDecision({
      year: 2023,
      issuer: undefined,
      number: undefined,
      date: undefined,
      blocks: [{ group: 'so', units: departments.slice(0, 2) }],
      flagRules: [FLAG],
      draft: true,
      erratum: undefined,
      signerName: undefined,
    });
    const text = councilDecisionText(view);
    expect(view.number).toBe('Số:         /QĐ-UBND');
    expect(view.dateText).toBe('ngày …… tháng …… năm ……');
    expect(text.split('\n').slice(0, 2)).toEqual(['DỰ THẢO', 'UBND TỈNH ……']);
    // One block: one annex, named without a number.
    expect(text).toContain(
      'Điều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành tỉnh (chi tiết tại Phụ lục kèm theo).',
    );
    expect(text).toContain(
      '(Kèm theo Quyết định số ……/QĐ-UBND ngày …… của Ủy ban nhân dân tỉnh ……)',
    );
    // Before 01/07/2025 the law of 2015 as amended in 2019; 2022–2023 under decision 876.
    expect(view.bases[0]).toContain('Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015');
    expect(view.bases[1]).toContain('Quyết định số 876/QĐ-BNV ngày 10 tháng 11 năm 2022');
    // Nobody under the warning: said, not left out.
    expect(text).toContain(`- ${FLAG}: Không có.`);
    expect(view.annexes).toHaveLength(1);
  });

  it('says when the annex holds an erratum and names an unknown group as a block', () => {
    const view = buildCouncilDecision({
      year: 2026,
      issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
      number: '3/QĐ-UBND',
      date: '2027-01-09',
      blocks: [{ group: 'xa-dac-biet', units: districts }],
      flagRules: [],
      draft: false,
      erratum: { number: '20/QĐ-UBND', date: '2027-02-01' },
      signerName: undefined,
    });
    expect(view.authority).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG');
    expect(view.summary).toBe(
      'Phê duyệt và công bố Chỉ số cải cách hành chính năm 2026 của khối xa-dac-biet',
    );
    expect(view.annexes[0]?.note).toBe(
      '(Kết quả theo lần công bố đang có hiệu lực, đã đính chính theo Quyết định số 20/QĐ-UBND ngày 01/02/2027)',
    );
    // Without warnings in the policy Điều 2 has two items.
    expect(view.articles[1]?.paragraphs.map((p) => p.slice(0, 2))).toEqual(['Că', '1.', '2.']);
  });
});

describe('issuerInSentence', () => {
  it('writes a heading in capitals as sentences name it, and keeps other spellings', () => {
    expect(issuerInSentence('UBND TỈNH HÒA AN')).toBe('UBND tỉnh Hòa An');
    expect(issuerInSentence('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG')).toBe(
      'UBND thành phố Hải Phòng',
    );
    expect(issuerInSentence('UBND huyện Kim Sơn')).toBe('UBND huyện Kim Sơn');
    expect(issuerInSentence('SỞ NỘI VỤ')).toBe('SỞ NỘI VỤ');
  });
});
