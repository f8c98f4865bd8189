import type { Cell } from '../tabular/table.js';

/**
 * The appendix of seed 004 (Đắk Glong, improvement plan 2024), as printed: code, title, max,
 * points achieved in 2023, target 2024, lead unit. Numbers are text exactly as in the document,
 * decimal commas and points mixed. The district's 2023 index is 78,42.
 */
export const SEED_004_HEADER: Cell[] = [
  'Stt',
  'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
  'Điểm chuẩn',
  'Điểm 2023 đạt được',
  'Mục tiêu năm 2024',
  'Nhiệm vụ/ Giải pháp/ Nội dung thực hiện',
  'Đơn vị chủ trì',
];

const NV = 'Phòng Nội vụ';
const TP = 'Phòng Tư pháp';
const VP = 'Văn phòng HĐND và UBND';
const TCKH = 'Phòng Tài chính - Kế hoạch';
const VHTT = 'Phòng Văn hóa và Thông tin';
const ALL = 'Các cơ quan, đơn vị, UBND các xã.';

export const SEED_004_ROWS: Cell[][] = [
  ['1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', '14', '13,5', '14', null, null],
  ['1.1', 'Kế hoạch CCHC năm', '2', '2', '2', 'Thực hiện hoàn thành 100% Hoạt động tại Kế hoạch CCHC năm 2023 của huyện.', NV],
  ['1.2', 'Thực hiện chế độ báo cáo CCHC định kỳ', '1', '1', '1', 'Thực hiện đầy đủ các báo cáo.', NV],
  ['1.3', 'Công tác Kiểm tra CCHC', '2', '2', '2', 'Thực hiện kiểm tra đảm bảo tỷ lệ theo quy định', NV],
  ['1.4', 'Công tác tuyên truyền CCHC', '4', '4', '4', 'Thực hiện hoàn thành 100% nhiệm vụ tuyên truyền CCHC.', 'Trung tâm Văn hóa - Thể thao và Truyền thông; phòng Văn hóa và Thông tin'],
  ['1.5', 'Sự năng động trong công tác CCHC', '1,5', '1,5', '1,5', 'Thực hiện đầy đủ các nhiệm vụ CCHC', NV],
  ['1.6', 'Tổ chức hội nghị đánh giá, quán triệt, rút kinh nghiệm và chỉ đạo thực hiện nhiệm vụ cải thiện Chỉ số CCHC đã công bố', '1,5', '1', '1,5', 'Tổ chức Hội nghị; ban hành Kế hoạch cải thiện chỉ số CCHC', NV],
  ['1.7', 'Đổi mới, sáng tạo trong triển khai nhiệm vụ trong cải cách hành chính', '2', '2', '2', 'Nghiên cứu xây dựng và áp dụng ít nhất từ 01 sáng kiến CCHC trở lên', 'Các Phòng, ban, đơn vị; UBND các xã.'],
  ['2', 'CẢI CÁCH THỂ CHẾ', '11', '10,5', '11', null, null],
  ['2.1', 'Tham mưu xây dựng văn bản quy phạm pháp luật (QPPL) trong năm', '3', '2,5', '2,5', 'Cập nhật, tham mưu đầy đủ thể chế hóa văn bản QPPL', TP],
  ['2.2', 'Theo dõi thi hành pháp luật (TĐTHPL)', '1,5', '1,5', '1,5', 'Thực hiện đầy đủ 03 hoạt động theo dõi tình hình thi hành pháp luật', TP],
  ['2.3', 'Rà soát VBQPPL', '4.5', '4,5', '4.5', 'Ban hành văn bản công bố Danh mục văn bản quy phạm pháp luật hết hiệu lực', TP],
  ['2.4', 'Kiểm tra, xử lý VBQPPL', '2', '2', '2', '100% VBQPPL được xử lý theo thẩm quyền', TP],
  ['3', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '17', '13,567', '17', null, null],
  ['3.1', 'Kiểm soát quy định thủ tục hành chính (TTHC)', '1', '1', '1', 'Ban hành Kế hoạch kiểm soát TTHC và báo cáo định kỳ công tác kiểm soát TTHC.', VP],
  ['3.2', 'Rà soát, đơn giản hóa thủ tục hành chính', '1', '1', '1', 'Ban hành Kế hoạch và báo cáo kết quả thực hiện.', VP],
  ['3.3', 'Công khai TTHC', '1', '1', '1', 'Công bố 100% quyết định, danh mục TTHC kịp thời, đúng quy định.', VP],
  ['3.4', 'Thực hiện cơ chế một cửa, một cửa liên thông', '7', '6,931', '7', '100% TTHC cấp huyện, cấp xã thực hiện đúng quy trình', ALL],
  ['3.5', 'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của cấp huyện', '1', '1', '1', '100% PAKN trong năm về TTHC được giải quyết kịp thời.', VP],
  ['3.6', 'Thực hiện xin lỗi bằng văn bản khi giải quyết TTHC sai sót, trễ hạn', '2', '1,636', '2', '100% TTHC sai sót, trễ hạn được xin lỗi', ALL],
  ['3.7', 'Triển khai kế hoạch số hoá kết quả giải quyết TTHC của UBND tỉnh', '3', '0.5', '3', 'Thực hiện tốt số hoá kết quả giải quyết TTHC theo chỉ đạo của UBND tỉnh', 'Văn phòng HĐND và UBND huyện'],
  ['3.8', 'Đánh giá chất lượng giải quyết TTHC', '1', '0.5', '1', 'Thực hiện đánh giá chất lượng TTHC theo đúng quy định', 'Văn phòng HĐND và UBND huyện'],
  ['4', 'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC', '7.5', '7.5', '7.5', null, null],
  ['4.1', 'Thực hiện quy định của Trung ương về tổ chức bộ máy', '1', '1', '1', 'Hướng dẫn các cơ quan, đơn vị thực hiện đúng quy định về tổ chức bộ máy.', NV],
  ['4.2', 'Thực hiện các quy định về sử dụng biên chế được UBND tỉnh giao', '2', '2', '2', 'Bố trí, sử dụng số lượng biên chế phù hợp.', NV],
  ['4.3', 'Thực hiện phân cấp quản lý', '1,5', '1,5', '1,5', 'Thực hiện các nhiệm vụ về phân cấp quản lý Nhà nước theo đúng quy định.', ALL],
  ['4.4', 'UBND cấp xã tổ chức hội nghị trao đổi, đối thoại với nhân dân trên địa bàn', '1', '1', '1', '100% UBND cấp xã ban hành Kế hoạch và tổ chức Hội nghị đối thoại với Nhân dân', 'UBND các xã'],
  ['4.5', 'Tổ chức Hội nghị CBCCVC của đơn vị theo đúng quy định tại Nghị định số 04/2015/NĐ-CP và Thông tư số 01/2016/TT-BNV.', '1', '1', '1', '100% các cơ quan, đơn vị, UBND cấp xã tổ chức Hội nghị CBCCVC', ALL],
  ['4.6', 'Thực hiện tinh giản biên chế theo Kế hoạch của UBND tỉnh', '1', '1', '1', 'Xây dựng Kế hoạch tinh giản biên chế đúng theo quy định', 'Phòng Nội vụ, các cơ quan, đơn vị, UBND các xã.'],
  ['5', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '11', '7,25', '11', null, null],
  ['5.1', 'Xác định cơ cấu ngạch công chức, chức danh nghề nghiệp viên chức theo vị trí việc làm', '2', '0', '2', '100% các phòng chuyên môn, đơn vị trực thuộc có cơ cấu ngạch được phê duyệt.', 'Các cơ quan, đơn vị'],
  ['5.2', 'Thực hiện quy định về tuyển dụng công chức cấp xã', '0,5', '0,5', '0,5', 'Thực hiện đúng quy định về tuyển dụng.', NV],
  ['5.3', 'Thực hiện về tuyển dụng viên chức đúng quy định', '0,5', '0,5', '0,5', 'Thực hiện đúng quy định về tuyển dụng.', NV],
  ['5.4', 'Thực hiện quy định về thi, xét thăng hạng viên chức', '0,5', '0,5', '0,5', 'Thực hiện đúng quy định về thi, xét thăng hạng', NV],
  ['5.5', 'Công tác đào tạo, bồi dưỡng CBCCVC', '1', '0,5', '1', 'Hoàn thành 100% hoạt động đào tạo, bồi dưỡng CBCCVC', 'Phòng Nội vụ, UBND các xã'],
  ['5.6', 'Đổi mới công tác quản lý CBCCVC', '5', '4', '5', 'Cập nhật đầy đủ thông tin CBCCVC trên hệ thống phần mềm', 'Phòng Nội vụ, các phòng ban, cơ quan, đơn vị, UBND các xã'],
  ['5.7', 'Cán bộ, công chức cấp xã', '1.5', '1.25', '1.5', '100% cán bộ công chức cấp xã đạt chuẩn theo quy định.', 'Phòng Nội vụ; UBND các xã'],
  ['6', 'CẢI CÁCH TÀI CHÍNH CÔNG', '11', '8,961', '11', null, null],
  ['6.1', 'Tổ chức thực hiện công tác tài chính - ngân sách', '4', '3.961', '4', 'Thực hiện chế độ tự chủ, tự chịu trách nhiệm về sử dụng kinh phí quản lý hành chính', TCKH],
  ['6.2', 'Công tác quản lý, sử dụng tài sản công', '1', '1', '1', 'Ban hành Quy chế quản lý, sử dụng tài sản công của huyện', TCKH],
  ['6.3', 'Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập (SNCL)', '5', '4', '5', 'Đơn vị sự nghiệp công lập tự đảm bảo chi thường xuyên', TCKH],
  ['6.4', 'Quản lý, sử dụng vốn đầu tư công', '1', '0', '1', 'Thực hiện giải ngân kế hoạch vốn đầu tư công 100%', TCKH],
  ['7', 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', '15,5', '7,634', '15,5', null, null],
  ['7.1', 'Chuyển đổi số/ phát triển Chính quyền số của cơ quan, đơn vị', '8', '6,092', '8', 'Ban hành kế hoạch và thực hiện chuyển đổi số', `${VHTT}; Văn phòng HĐND-UBND huyện`],
  ['7.2', 'Dịch vụ công trực tuyến toàn trình', '4', '0,542', '4', 'Đảm bảo tỷ lệ dịch vụ công trực tuyến toàn trình được thực hiện đúng theo quy định', `${VHTT}; Văn phòng HĐND-UBND huyện, UBND các xã`],
  ['7.3', 'Tỉ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến', '2', '1', '2', 'Đảm bảo tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến theo quy định', `${VHTT}; Văn phòng HĐND-UBND huyện, UBND các xã`],
  ['7.4', 'An toàn thông tin mạng', '1,5', '0', '1,5', 'Hệ thống thông tin của địa phương được cấp có thẩm quyền phê duyệt', VHTT],
  ['8', 'TÁC ĐỘNG CỦA CCHC ĐẾN SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC VÀ CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI CỦA ĐỊA PHƯƠNG', '13', '9,51', '13', null, null],
  ['8.1', 'Kết quả chỉ số hài lòng (SIPAS)', '10', '7,51', '10', 'Thực hiện điều tra Xã hội học mức độ hài lòng của người dân, tổ chức', 'Văn phòng HĐND-UBND huyện; UBND các xã'],
  ['8.2', 'Mức độ phát triển hộ kinh doanh, hợp tác xã', '1', '1', '1', 'Tỉ lệ thành lập mới các hợp tác xã', 'Phòng Tài chính – Kế hoạch'],
  ['8.3', 'Thực hiện thu ngân sách hàng năm của huyện theo dự toán được giao', '0.5', '0', '0.5', 'Phấn đấu thu ngân sách đạt và vượt chỉ tiêu được giao từ 3% trở lên', 'Phòng Tài chính – Kế hoạch; UBND các xã, các đơn vị liên quan'],
  ['8.4', 'Tổng giá trị sản xuất', '0.5', '0.5', '0.5', 'Phấn đấu tổng giá trị sản xuất trên địa bàn năm sau cao hơn năm trước', 'Phòng Tài chính – Kế hoạch; UBND các xã, các đơn vị liên quan'],
  ['8.6', 'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND huyện giao', '1', '0.5', '1', 'Phấn đấu đạt và vượt tất cả chỉ tiêu phát triển KT-XH được giao', 'Phòng Tài chính – Kế hoạch; UBND các xã, các đơn vị liên quan'],
  [null, 'TỔNG ĐIỂM', '100', '78,42', '100', null, null],
];

/** Title lines above the header, as the appendix has them. */
export const SEED_004_PREAMBLE: Cell[][] = [
  [null, 'PHỤ LỤC'],
  [null, 'MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC HUYỆN ĐẮK GLONG NĂM 2024'],
  [],
];

export const SEED_004_TABLE: Cell[][] = [...SEED_004_PREAMBLE, SEED_004_HEADER, ...SEED_004_ROWS];
