import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { computeResults } from '../results/compute-results.js';
import { reportProvinceRequest } from '../test-support/report-province.js';
import { appendixCells } from './report-appendix.js';
import { buildReportView, reportText } from './build-report.js';
import { parseReportRequest } from './report-request.js';

const viewOf = (json: unknown, today?: string) => {
  const request = parseReportRequest(json);
  return buildReportView(request, computeResults(request.results), today);
};

/**
 * The golden text of the fixture province, reviewed against seed 001's wording: "Nhóm đạt
 * Chỉ số tổng hợp từ 90% trở lên so với điểm tối đa: Có 03 đơn vị (gồm: …)", "(tăng 2 bậc)",
 * the head-of-agency levels and their conditions, the review below 75 %.
 */
const GOLDEN = `
Phần thứ nhất
KẾT QUẢ ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2025
I. CÔNG TÁC TRIỂN KHAI ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH
1. Đối tượng đánh giá, xác định Chỉ số CCHC
- Các sở, ban, ngành tỉnh: 05 đơn vị;
- UBND các huyện, thành phố: 04 đơn vị;
- Khối UBND xã: 03 đơn vị.
2. Phương pháp xác định
a) Đối với Chỉ số CCHC của các sở, ban, ngành tỉnh
- Đánh giá CCHC theo 7 nội dung (thông qua các tài liệu kiểm chứng), tổng số điểm là 71,5/100 điểm, gồm:
+ Công tác chỉ đạo, điều hành cải cách hành chính: 14,5 điểm;
+ Cải cách thể chế: 10 điểm;
+ Cải cách thủ tục hành chính: 16 điểm;
+ Cải cách tổ chức bộ máy hành chính nhà nước: 6,5 điểm;
+ Cải cách chế độ công vụ: 9,5 điểm;
+ Cải cách tài chính công: 6 điểm;
+ Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 9 điểm.
- Đánh giá công tác CCHC (thông qua điều tra xã hội học), tổng số điểm là 28,5/100 điểm. Trong đó:
+ Đánh giá của các tổ chức, cơ quan đối với công tác CCHC: 18,5 điểm;
+ Mức độ hài lòng của người dân, doanh nghiệp (SIPAS): 10 điểm.
b) Đối với Chỉ số CCHC của UBND các huyện, thành phố
- Đánh giá CCHC theo 7 nội dung (thông qua các tài liệu kiểm chứng), tổng số điểm là 71,5/100 điểm, gồm:
+ Công tác chỉ đạo, điều hành cải cách hành chính: 14,5 điểm;
+ Cải cách thể chế: 10 điểm;
+ Cải cách thủ tục hành chính: 16 điểm;
+ Cải cách tổ chức bộ máy hành chính nhà nước: 6,5 điểm;
+ Cải cách chế độ công vụ: 9,5 điểm;
+ Cải cách tài chính công: 6 điểm;
+ Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 9 điểm.
- Đánh giá công tác CCHC (thông qua điều tra xã hội học), tổng số điểm là 28,5/100 điểm. Trong đó:
+ Đánh giá của các tổ chức, cơ quan đối với công tác CCHC: 18,5 điểm;
+ Mức độ hài lòng của người dân, doanh nghiệp (SIPAS): 10 điểm.
c) Đối với Chỉ số CCHC của khối UBND xã
- Đánh giá CCHC theo 6 nội dung (thông qua các tài liệu kiểm chứng), tổng số điểm là 65,5/94 điểm, gồm:
+ Công tác chỉ đạo, điều hành cải cách hành chính: 14,5 điểm;
+ Cải cách thể chế: 10 điểm;
+ Cải cách thủ tục hành chính: 16 điểm;
+ Cải cách tổ chức bộ máy hành chính nhà nước: 6,5 điểm;
+ Cải cách chế độ công vụ: 9,5 điểm;
+ Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 9 điểm.
- Đánh giá công tác CCHC (thông qua điều tra xã hội học), tổng số điểm là 28,5/94 điểm. Trong đó:
+ Đánh giá của các tổ chức, cơ quan đối với công tác CCHC: 18,5 điểm;
+ Mức độ hài lòng của người dân, doanh nghiệp (SIPAS): 10 điểm.
3. Tổ chức điều tra xã hội học
Tổng số Phiếu điều tra là 2.476 Phiếu. Cụ thể:
3.1. Điều tra về công tác CCHC đối với các sở, ban, ngành tỉnh là 760 phiếu, gồm:
- Lấy ý kiến của Đại biểu HĐND tỉnh: 20 Phiếu;
- Lấy ý kiến của Lãnh đạo Ủy ban MTTQ tỉnh: 04 Phiếu;
- Lấy ý kiến của Lãnh đạo UBND, Thường trực HĐND các huyện, thành phố: 96 Phiếu;
- Lấy ý kiến của người dân và doanh nghiệp: 640 Phiếu.
3.2. Điều tra về công tác CCHC đối với UBND các huyện, thành phố là 1.716 phiếu, gồm:
- Lấy ý kiến của Đại biểu HĐND tỉnh: 20 Phiếu;
- Lấy ý kiến của Lãnh đạo Ủy ban MTTQ tỉnh: 04 Phiếu;
- Lấy ý kiến của Lãnh đạo các sở, ban, ngành tỉnh: 72 Phiếu;
- Lấy ý kiến của người dân và doanh nghiệp: 1.620 Phiếu.
4. Quy trình đánh giá, chấm điểm
Các cơ quan, đơn vị tự đánh giá, chấm điểm và đăng tải tài liệu kiểm chứng kể từ ngày 25/12/2025 đến 24 giờ ngày 10/01/2026.
Tổ thư ký thẩm định kết quả tự đánh giá, chấm điểm của các cơ quan, đơn vị từ ngày 11/01/2026 đến ngày 16/01/2026.
II. KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CCHC
Chỉ số CCHC của các cơ quan, đơn vị được tổng hợp trên cơ sở kết quả điểm thẩm định đối với các tiêu chí thành phần (qua các tài liệu kiểm chứng) và kết quả tổng hợp các phiếu điều tra xã hội học. Kết quả cụ thể như sau:
1. Chỉ số CCHC của các sở, ban, ngành tỉnh
Kết quả Chỉ số CCHC của các sở, ban, ngành tỉnh được xác định thành 03 nhóm điểm:
- Nhóm đạt Chỉ số tổng hợp từ 90% trở lên so với điểm tối đa: Có 03 đơn vị (gồm: Sở Giao thông vận tải; Sở Nội vụ; Sở Khoa học và Công nghệ).
- Nhóm đạt Chỉ số tổng hợp từ 80% đến dưới 90% so với điểm tối đa: Có 01 đơn vị (Sở Giáo dục và Đào tạo).
- Nhóm đạt Chỉ số tổng hợp từ 70% đến dưới 80% so với điểm tối đa: Có 01 đơn vị (Sở Y tế).
Thứ hạng của các sở, ban, ngành tỉnh:
Hạng | Cơ quan, đơn vị | Tổng điểm | Chỉ số | Xếp loại người đứng đầu | So với năm trước
1 | Sở Giao thông vận tải | 98,5/100 | 98,50% | Hoàn thành xuất sắc nhiệm vụ | —
2 | Sở Nội vụ | 96,5/100 | 96,50% | Hoàn thành xuất sắc nhiệm vụ | tăng 2 bậc
3 | Sở Khoa học và Công nghệ | 94,5/100 | 94,50% | Hoàn thành tốt nhiệm vụ | —
4 | Sở Giáo dục và Đào tạo | 85/100 | 85,00% | Hoàn thành nhiệm vụ | tăng 1 bậc
5 | Sở Y tế | 78/100 | 78,00% | Hoàn thành nhiệm vụ | giảm 3 bậc
2. Chỉ số CCHC của UBND các huyện, thành phố
Kết quả Chỉ số CCHC của UBND các huyện, thành phố được xác định thành 02 nhóm điểm:
- Nhóm đạt Chỉ số tổng hợp từ 90% trở lên so với điểm tối đa: Có 03 đơn vị (gồm: UBND huyện Kim Sơn; UBND thành phố Hòa An; UBND huyện Thanh Bình).
- Nhóm đạt Chỉ số tổng hợp từ 80% đến dưới 90% so với điểm tối đa: Có 01 đơn vị (UBND huyện Tứ Lộc).
Thứ hạng của UBND các huyện, thành phố:
Hạng | Cơ quan, đơn vị | Tổng điểm | Chỉ số | Xếp loại người đứng đầu | So với năm trước
1 | UBND huyện Kim Sơn | 98,5/100 | 98,50% | Hoàn thành xuất sắc nhiệm vụ | tăng 3 bậc
2 | UBND thành phố Hòa An | 91/100 | 91,00% | Hoàn thành tốt nhiệm vụ | giảm 1 bậc
3 | UBND huyện Thanh Bình | 90/100 | 90,00% | Hoàn thành tốt nhiệm vụ | —
4 | UBND huyện Tứ Lộc | 87/100 | 87,00% | Hoàn thành nhiệm vụ | giảm 2 bậc
3. Chỉ số CCHC của khối UBND xã
Kết quả Chỉ số CCHC của khối UBND xã được xác định thành 02 nhóm điểm:
- Nhóm đạt Chỉ số tổng hợp từ 90% trở lên so với điểm tối đa: Có 02 đơn vị (gồm: UBND xã An Phú; UBND xã Bình Minh).
- Nhóm đạt Chỉ số tổng hợp từ 70% đến dưới 80% so với điểm tối đa: Có 01 đơn vị (UBND xã Tân Lập).
Thứ hạng của khối UBND xã:
Hạng | Cơ quan, đơn vị | Tổng điểm | Chỉ số | Xếp loại người đứng đầu | So với năm trước
1 | UBND xã An Phú | 92/94 | 97,87% | Hoàn thành xuất sắc nhiệm vụ | tăng 2 bậc
2 | UBND xã Bình Minh | 86/94 | 91,49% | Hoàn thành nhiệm vụ | giảm 1 bậc
3 | UBND xã Tân Lập | 68/94 | 72,34% | Hoàn thành nhiệm vụ | giảm 1 bậc
III. ĐÁNH GIÁ TRÁCH NHIỆM CỦA NGƯỜI ĐỨNG ĐẦU CƠ QUAN HÀNH CHÍNH VỀ CÔNG TÁC CCHC
Mức độ hoàn thành nhiệm vụ về công tác CCHC của người đứng đầu cơ quan, đơn vị có 04 nhóm, cụ thể:
- Nhóm hoàn thành xuất sắc nhiệm vụ: Là Thủ trưởng những cơ quan, đơn vị có điểm chỉ số tổng hợp đạt từ 90% trở lên so với điểm tối đa; trong đó các chỉ số ở từng lĩnh vực đều đạt từ 80% trở lên.
- Nhóm hoàn thành tốt nhiệm vụ: Là Thủ trưởng những cơ quan, đơn vị có điểm chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa; trong đó các chỉ số ở từng lĩnh vực đều đạt từ 70% trở lên.
- Nhóm hoàn thành nhiệm vụ: Là Thủ trưởng những cơ quan, đơn vị có điểm chỉ số tổng hợp đạt từ 65% đến dưới 80% so với điểm tối đa; trong đó các chỉ số ở từng lĩnh vực đều đạt từ 50% trở lên.
- Nhóm không hoàn thành nhiệm vụ: Là Thủ trưởng những cơ quan, đơn vị có điểm chỉ số tổng hợp đạt dưới 65% so với điểm tối đa.
1. Đối với Thủ trưởng các sở, ban, ngành tỉnh
- Nhóm hoàn thành xuất sắc nhiệm vụ: Có 02 đơn vị (gồm: Sở Giao thông vận tải; Sở Nội vụ).
- Nhóm hoàn thành tốt nhiệm vụ: Có 01 đơn vị (Sở Khoa học và Công nghệ).
- Nhóm hoàn thành nhiệm vụ: Có 02 đơn vị (gồm: Sở Giáo dục và Đào tạo; Sở Y tế).
- Nhóm không hoàn thành nhiệm vụ: Không có.
2. Đối với Chủ tịch UBND các huyện, thành phố
- Nhóm hoàn thành xuất sắc nhiệm vụ: Có 01 đơn vị (UBND huyện Kim Sơn).
- Nhóm hoàn thành tốt nhiệm vụ: Có 02 đơn vị (gồm: UBND thành phố Hòa An; UBND huyện Thanh Bình).
- Nhóm hoàn thành nhiệm vụ: Có 01 đơn vị (UBND huyện Tứ Lộc).
- Nhóm không hoàn thành nhiệm vụ: Không có.
3. Đối với người đứng đầu khối UBND xã
- Nhóm hoàn thành xuất sắc nhiệm vụ: Có 01 đơn vị (UBND xã An Phú).
- Nhóm hoàn thành tốt nhiệm vụ: Không có.
- Nhóm hoàn thành nhiệm vụ: Có 02 đơn vị (gồm: UBND xã Bình Minh; UBND xã Tân Lập).
- Nhóm không hoàn thành nhiệm vụ: Không có.
IV. THỨ HẠNG SO VỚI NĂM 2024
Các cơ quan, đơn vị tăng, giảm từ 02 bậc trở lên so với năm 2024:
1. Các sở, ban, ngành tỉnh
- Tăng bậc: Sở Nội vụ (tăng 2 bậc).
- Giảm bậc: Sở Y tế (giảm 3 bậc).
2. UBND các huyện, thành phố
- Tăng bậc: UBND huyện Kim Sơn (tăng 3 bậc).
- Giảm bậc: UBND huyện Tứ Lộc (giảm 2 bậc).
3. Khối UBND xã
- Tăng bậc: UBND xã An Phú (tăng 2 bậc).
- Giảm bậc: Không có.
V. CÁC CƠ QUAN, ĐƠN VỊ PHẢI TỔ CHỨC KIỂM ĐIỂM
Cơ quan, đơn vị có chỉ số lĩnh vực Cải cách thủ tục hành chính hoặc lĩnh vực Xây dựng và phát triển Chính quyền điện tử, Chính quyền số dưới 75% phải tổ chức kiểm điểm. Kết quả năm 2025 có 03 đơn vị thuộc diện phải kiểm điểm, gồm:
- Sở Y tế (lĩnh vực Cải cách thủ tục hành chính: 68,75%; lĩnh vực Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 72,22%);
- UBND huyện Tứ Lộc (lĩnh vực Cải cách thủ tục hành chính: 68,75%);
- UBND xã Bình Minh (lĩnh vực Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 66,67%).
VI. NHẬN XÉT CHUNG
1. Ưu điểm
Việc triển khai kế hoạch, tổ chức xác định Chỉ số CCHC năm 2025 cơ bản theo đúng tiến độ thời gian.
Các cơ quan, đơn vị nghiêm túc tổ chức tự đánh giá, chấm điểm.
2. Tồn tại, hạn chế
Tài liệu kiểm chứng của một số cơ quan, đơn vị còn thiếu, sơ sài.
Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu.
3. Nguyên nhân của tồn tại, hạn chế
[Chưa nhập nội dung "Nguyên nhân của tồn tại, hạn chế": cơ quan thường trực bổ sung trước khi ban hành]
Phần thứ hai
NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI
[Chưa nhập nội dung "Nhiệm vụ và giải pháp": cơ quan thường trực bổ sung trước khi ban hành]
`.trim();

describe('buildReportView: the results report of a province with three blocks', () => {
  it('words every section as seed 001 does, numbers with decimal comma and counts with 0', () => {
    expect(reportText(viewOf(reportProvinceRequest()))).toBe(GOLDEN);
  });

  it("heads the report in the Nghị định 30 layout with the request's own number and date", () => {
    expect(viewOf(reportProvinceRequest(), '2026-04-30').heading).toEqual({
      parentAuthority: undefined,
      issuer: 'Ủy ban nhân dân tỉnh Hòa An',
      number: 'Số: 27/BC-UBND',
      place: 'Hòa An',
      dateText: 'ngày 01 tháng 3 năm 2026',
      kind: 'BÁO CÁO',
      summary: 'Kết quả đánh giá, xác định Chỉ số Cải cách hành chính năm 2025',
      draft: false,
    });
  });

  it('gives each unit its appendix table: self-assessed, appraised, difference and reason', () => {
    const view = viewOf(reportProvinceRequest());
    const tables = [...view.appendix.tables()];
    expect(tables.map((t) => `${t.label} ${t.unitName}`)).toEqual([
      'Biểu A1 Sở Giao thông vận tải',
      'Biểu A2 Sở Nội vụ',
      'Biểu A3 Sở Khoa học và Công nghệ',
      'Biểu A4 Sở Giáo dục và Đào tạo',
      'Biểu A5 Sở Y tế',
      'Biểu B1 UBND huyện Kim Sơn',
      'Biểu B2 UBND thành phố Hòa An',
      'Biểu B3 UBND huyện Thanh Bình',
      'Biểu B4 UBND huyện Tứ Lộc',
      'Biểu C1 UBND xã An Phú',
      'Biểu C2 UBND xã Bình Minh',
      'Biểu C3 UBND xã Tân Lập',
    ]);
    expect(view.appendix.columns.map((c) => c.header)).toEqual([
      'Mã',
      'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
      'Điểm tối đa',
      'Điểm tự đánh giá',
      'Điểm thẩm định',
      'Chênh lệch',
      'Lý do',
    ]);
    const health = tables[4]!;
    expect(health.summary).toBe(
      'Tổng điểm 78/100 điểm; Chỉ số 78,00%; xếp hạng 5/5; nhóm từ 70% đến dưới 80%.',
    );
    const rows = [...health.lines, health.total].map((line) =>
      appendixCells(line, true).join(' | '),
    );
    expect(rows).toEqual([
      '1 | Công tác chỉ đạo, điều hành cải cách hành chính | 14,5 | 11,5 | 11,5 | 0 | ',
      '1.1 | Kế hoạch CCHC năm | 6,5 | 6,5 | 6,5 | 0 | ',
      '1.2 | Báo cáo CCHC định kỳ | 8 | 5 | 5 | 0 | Điểm chấm trực tiếp 5/8',
      '2 | Cải cách thể chế | 10 | 10 | 10 | 0 | ',
      '2.1 | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật | 10 | 10 | 10 | 0 | ',
      '3 | Cải cách thủ tục hành chính | 16 | 16 | 11 | -5 | ',
      '3.1 | Công khai thủ tục hành chính | 6 | 6 | 3 | -3 | Chưa công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công',
      '3.2 | Tỷ lệ hồ sơ giải quyết đúng hạn | 10 | 10 | 8 | -2 | Tỷ lệ hồ sơ giải quyết đúng hạn 96%, chưa đạt 100%',
      '4 | Cải cách tổ chức bộ máy hành chính nhà nước | 6,5 | 5 | 5 | 0 | ',
      '4.1 | Sắp xếp tổ chức bộ máy | 6,5 | 5 | 5 | 0 | Điểm chấm trực tiếp 5/6,5',
      '5 | Cải cách chế độ công vụ | 9,5 | 6,5 | 6,5 | 0 | ',
      '5.1 | Vị trí việc làm và cơ cấu ngạch công chức | 9,5 | 6,5 | 6,5 | 0 | Điểm chấm trực tiếp 6,5/9,5',
      '6 | Cải cách tài chính công | 6 | 6 | 6 | 0 | ',
      '6.1 | Thực hiện dự toán ngân sách | 6 | 6 | 6 | 0 | ',
      '7 | Xây dựng và phát triển Chính quyền điện tử, Chính quyền số | 9 | 8,5 | 6,5 | -2 | ',
      '7.1 | Dịch vụ công trực tuyến toàn trình | 4,5 | 4,5 | 2,5 | -2 | Điểm chấm trực tiếp 2,5/4,5',
      '7.2 | Số hóa hồ sơ, kết quả giải quyết TTHC | 4,5 | 4 | 4 | 0 | Điểm chấm trực tiếp 4/4,5',
      '8 | Đánh giá qua điều tra xã hội học | 28,5 | 21,5 | 21,5 | 0 | ',
      '8.1 | Đánh giá của các tổ chức, cơ quan đối với công tác CCHC | 18,5 | 15,5 | 15,5 | 0 | Điểm chấm trực tiếp 15,5/18,5',
      '8.2 | Mức độ hài lòng của người dân, doanh nghiệp (SIPAS) | 10 | 6 | 6 | 0 | Điểm chấm trực tiếp 6/10',
      ' | TỔNG ĐIỂM | 100 | 85 | 78 | -7 | ',
    ]);
    // A commune: area 6 does not apply; a unit without self-assessed points kept the final ones.
    const commune = tables[11]!;
    expect(
      appendixCells(
        commune.lines.find((l) => l.code === '6.1')!,
        true,
      ),
    ).toEqual(['6.1', 'Thực hiện dự toán ngân sách', '6', '—', '—', '—', 'Không áp dụng']);
    expect(appendixCells(commune.total, true).slice(2, 6)).toEqual(['94', '68', '68', '0']);
  });
});

describe('buildReportView: a bare results request', () => {
  const bare = () => {
    const { report: _report, previous: _previous, ...rest } = reportProvinceRequest();
    const units = (rest.units as Record<string, unknown>[]).map(
      ({ selfAssessed: _s, reasons: _r, ...unit }) => unit,
    );
    return { ...rest, units };
  };

  it('leaves the narrative as marked empty headings and omits what the request lacks', () => {
    const view = viewOf(bare(), '2026-03-05');
    const text = reportText(view);
    expect(view.heading).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN',
      number: 'Số:        /BC-UBND',
      dateText: 'ngày 05 tháng 3 năm 2026',
    });
    expect(text).not.toContain('THỨ HẠNG SO VỚI NĂM');
    expect(text).not.toContain('Tổ chức điều tra xã hội học');
    expect(text).not.toContain('Quy trình đánh giá');
    expect(text).toContain('- Khối Sở, ban, ngành: 05 đơn vị;');
    expect(text).toContain('IV. CÁC CƠ QUAN, ĐƠN VỊ PHẢI TỔ CHỨC KIỂM ĐIỂM');
    const missing = view.sections.flatMap((s) => s.content.filter((c) => c.kind === 'missing'));
    expect(missing.map((m) => (m.kind === 'missing' ? m.text : ''))).toEqual([
      '[Chưa nhập nội dung "Ưu điểm": cơ quan thường trực bổ sung trước khi ban hành]',
      '[Chưa nhập nội dung "Tồn tại, hạn chế": cơ quan thường trực bổ sung trước khi ban hành]',
      '[Chưa nhập nội dung "Nguyên nhân của tồn tại, hạn chế": cơ quan thường trực bổ sung trước khi ban hành]',
      '[Chưa nhập nội dung "Nhiệm vụ và giải pháp": cơ quan thường trực bổ sung trước khi ban hành]',
    ]);
    expect(view.appendix.withSelfAssessed).toBe(false);
    expect(view.appendix.columns.map((c) => c.header)).toEqual([
      'Mã',
      'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
      'Điểm tối đa',
      'Điểm đạt',
      'Lý do mất điểm',
    ]);
    expect(view.appendix.note).toContain('không có điểm tự đánh giá');
  });
});

describe('parseReportRequest', () => {
  it('names each wrong field of the report object in Vietnamese', () => {
    const json = reportProvinceRequest();
    json.report = {
      date: '31/02/2026',
      review: { areaCodes: ['9'] },
      blocks: [{ group: 'phuong', name: 'UBND các phường' }],
      survey: [{ group: 'so', respondents: [{ label: 'Đại biểu', count: '2,5' }] }],
    };
    expect(() => parseReportRequest(json)).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([
          expect.objectContaining({ path: 'report.date' }),
          expect.objectContaining({ path: 'report.survey[0].respondents[0].count' }),
        ]) as unknown,
      }),
    );
    json.report = {
      review: { areaCodes: ['9'] },
      blocks: [{ group: 'phuong', name: 'UBND các phường' }],
    };
    expect(() => parseReportRequest(json)).toThrow(
      expect.objectContaining({
        issues: [
          {
            path: 'report.review.areaCodes[0]',
            message: 'không có lĩnh vực mã "9" trong bộ chỉ số',
          },
          {
            path: 'report.blocks[0].group',
            message: 'không có đơn vị nào thuộc khối (nhóm xếp hạng) "phuong"',
          },
        ],
      }),
    );
  });

  it('checks self-assessed points against the leaf they are given for', () => {
    const json = reportProvinceRequest();
    const units = json.units as Record<string, unknown>[];
    units[0]!.selfAssessed = { '3': 10, '3.1': 7, '9.9': 1 };
    expect(() => parseReportRequest(json)).toThrow(
      expect.objectContaining({
        issues: [
          {
            path: 'units[0].selfAssessed.3',
            message:
              '"3" không phải tiêu chí thành phần: điểm tự đánh giá ghi cho từng tiêu chí thành phần',
          },
          { path: 'units[0].selfAssessed.3.1', message: 'điểm tự đánh giá phải từ 0 đến 6' },
          { path: 'units[0].selfAssessed.9.9', message: 'không có mã "9.9" trong bộ chỉ số' },
        ],
      }),
    );
  });
});

describe('appendixCells: rounding in the tables (decision 0021)', () => {
  const line = (leaf: boolean) => ({
    code: '3',
    title: 'Cải cách thủ tục hành chính',
    depth: leaf ? 2 : 1,
    leaf,
    applicable: true,
    maxPoints: Decimal.of('10'),
    selfAssessed: Decimal.of('8.124'),
    final: Decimal.of('7.605'),
    difference: Decimal.of('-0.519'),
    reason: '',
  });

  it('keeps a leaf exact', () => {
    expect(appendixCells(line(true), true).slice(2, 6)).toEqual(['10', '8,124', '7,605', '-0,519']);
  });

  it('shows a sum as the text rounds it, its difference from the values shown', () => {
    expect(appendixCells(line(false), true).slice(2, 6)).toEqual(['10', '8,12', '7,61', '-0,51']);
    expect(appendixCells(line(false), false).slice(2, 4)).toEqual(['10', '7,61']);
  });
});
