import type { QuestionnaireInput } from '@chiso/core';

/** Yên Bái's published scale for the PAR questionnaires: A 100, B 60, C 20, D 0 (%). */
const SCALE = [
  { key: 'A', label: 'Tốt', weight: '100' },
  { key: 'B', label: 'Khá', weight: '60' },
  { key: 'C', label: 'Trung bình', weight: '20' },
  { key: 'D', label: 'Kém', weight: '0' },
];

/** SIPAS: five levels, the two highest count as satisfied. */
const SATISFACTION = [
  { key: '1', label: 'Rất không hài lòng', weight: '0' },
  { key: '2', label: 'Không hài lòng', weight: '25' },
  { key: '3', label: 'Bình thường', weight: '50' },
  { key: '4', label: 'Hài lòng', weight: '75', satisfied: true },
  { key: '5', label: 'Rất hài lòng', weight: '100', satisfied: true },
];

const par = (
  group: string,
  groupLabel: string,
  name: string,
  questions: [text: string, optional?: boolean][],
): QuestionnaireInput => ({
  name,
  kind: 'par',
  group,
  groupLabel,
  ratedUnitType: 'so',
  questions: questions.map(([text, optional], i) => ({
    code: `C${i + 1}`,
    text,
    leafCode: '8.1',
    optional: optional ?? false,
    options: SCALE,
  })),
});

/** The three respondent groups of the departments' leaf 8.1 (seed 001), one form each. */
export const PAR_FORMS: QuestionnaireInput[] = [
  par('daiBieu', 'Đại biểu HĐND tỉnh', 'Phiếu khảo sát đại biểu HĐND tỉnh', [
    ['Việc công khai, minh bạch thông tin về hoạt động của sở'],
    ['Chất lượng tham mưu ban hành văn bản quy phạm pháp luật thuộc lĩnh vực sở quản lý'],
    ['Kết quả giải quyết thủ tục hành chính cho người dân, doanh nghiệp'],
    ['Tinh thần, thái độ phục vụ của cán bộ, công chức, viên chức của sở'],
    ['Việc tiếp thu, giải quyết kiến nghị của cử tri thuộc lĩnh vực sở quản lý', true],
  ]),
  par('mttq', 'Lãnh đạo Ủy ban MTTQ tỉnh', 'Phiếu khảo sát lãnh đạo Ủy ban MTTQ tỉnh', [
    ['Việc phối hợp của sở với Mặt trận trong giám sát, phản biện xã hội'],
    ['Việc tiếp thu, phản hồi ý kiến giám sát, phản biện của Mặt trận'],
    ['Việc công khai thủ tục hành chính, phí và lệ phí'],
    ['Việc thực hiện kỷ luật, kỷ cương hành chính của công chức'],
  ]),
  par('lanhDao', 'Lãnh đạo UBND cấp xã', 'Phiếu khảo sát lãnh đạo UBND cấp xã', [
    ['Việc hướng dẫn chuyên môn, nghiệp vụ của sở đối với cấp xã'],
    ['Việc phối hợp giải quyết thủ tục hành chính liên thông với cấp xã'],
    ['Tính kịp thời trong trả lời kiến nghị, đề xuất của cấp xã'],
    ['Chất lượng văn bản hướng dẫn của sở gửi cấp xã'],
    ['Mức độ ứng dụng công nghệ thông tin trong trao đổi với cấp xã', true],
  ]),
];

const sipasQuestion = (code: string, element: string, text: string) => ({
  code,
  text,
  element,
  options: SATISFACTION,
});

/** Citizens at the departments' one-stop desks: two questions per element, index to 8.2. */
export const SIPAS_FORM: QuestionnaireInput = {
  name: 'Phiếu khảo sát sự hài lòng (SIPAS) tại bộ phận một cửa',
  kind: 'sipas',
  group: 'nguoiDan',
  groupLabel: 'Người dân, tổ chức',
  ratedUnitType: 'so',
  questions: [
    sipasQuestion('1.1', 'tiepCan', 'Nơi ngồi chờ tại bộ phận một cửa có đủ chỗ ngồi'),
    sipasQuestion('1.2', 'tiepCan', 'Trang thiết bị phục vụ người dân đầy đủ, dễ sử dụng'),
    sipasQuestion('2.1', 'thuTuc', 'Thủ tục hành chính được niêm yết công khai, đầy đủ'),
    sipasQuestion('2.2', 'thuTuc', 'Thành phần hồ sơ phải nộp đúng như niêm yết'),
    sipasQuestion('3.1', 'congChuc', 'Công chức có thái độ lịch sự khi tiếp nhận hồ sơ'),
    sipasQuestion('3.2', 'congChuc', 'Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu'),
    sipasQuestion('4.1', 'ketQua', 'Kết quả đúng quy định, thông tin đầy đủ, chính xác'),
    sipasQuestion('4.2', 'ketQua', 'Hồ sơ được giải quyết đúng hẹn'),
    sipasQuestion('5.1', 'gopY', 'Có nơi tiếp nhận góp ý, phản ánh, kiến nghị'),
    sipasQuestion('5.2', 'gopY', 'Góp ý, phản ánh được tiếp nhận và trả lời kịp thời'),
  ],
  sipas: { formula: 'meanOfElements', mode: 'regular', leafCode: '8.2' },
};
