import { parseVietnamTime } from '@chiso/core';
import { saveReport } from '../use-cases/reports/save-report.js';
import { ctx, type Demo } from './demo.js';

/**
 * What the secretariat wrote for the 2025 results report of tỉnh Hòa An before issuing it:
 * the issuer and number, the blocks' names as the province's sentences read them, a short
 * narrative, so that an administrator opens a whole report (decision 0021).
 */
export async function seedReport(demo: Demo, periodId: string): Promise<void> {
  const when = new Date(parseVietnamTime('25/02/2026 15:00') ?? 0);
  await saveReport(ctx(demo, demo.admin, when), periodId, {
    version: 0,
    options: {
      issuer: 'UBND TỈNH HÒA AN',
      number: '46/BC-UBND',
      place: 'Hòa An',
      date: '2026-02-26',
      blocks: [
        {
          group: 'so',
          name: 'các sở, ban, ngành tỉnh',
          heads: 'Thủ trưởng các sở, ban, ngành tỉnh',
        },
        { group: 'xa', name: 'UBND các xã', heads: 'Chủ tịch UBND các xã' },
        { group: 'phuong', name: 'UBND các phường', heads: 'Chủ tịch UBND các phường' },
      ],
      narrative: {
        strengths: [
          'Các cơ quan, đơn vị đã quan tâm chỉ đạo công tác cải cách hành chính; kế hoạch CCHC năm được ban hành đúng hạn, bám sát kế hoạch của tỉnh.',
          'Sau sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025, các xã, phường mới đã sớm kiện toàn bộ phận một cửa, tỷ lệ hồ sơ giải quyết đúng hạn được duy trì.',
        ],
        weaknesses: [
          'Một số đơn vị chưa cập nhật đầy đủ tài liệu kiểm chứng, còn để Tổ thẩm định yêu cầu bổ sung nhiều lần.',
          'Tỷ lệ hồ sơ trực tuyến toàn trình ở một số xã còn thấp so với chỉ tiêu của tỉnh.',
        ],
        causes: [
          'Người đứng đầu một số cơ quan, đơn vị chưa thật sự quan tâm, sâu sát công tác CCHC; cán bộ đầu mối thay đổi sau sắp xếp.',
        ],
        tasks: [
          'Các cơ quan, đơn vị nghiêm túc kiểm điểm những tồn tại, hạn chế; xây dựng kế hoạch cải thiện Chỉ số CCHC năm 2026, gửi Sở Nội vụ trước ngày 31/3/2026.',
          'Sở Nội vụ tiếp tục hướng dẫn, kiểm tra việc khắc phục những tiêu chí bị mất điểm, nhất là các lĩnh vực cải cách thủ tục hành chính và chính quyền số.',
        ],
      },
      signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Lê Minh Hòa' },
    },
  });
}
