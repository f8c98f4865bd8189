import {
  buildReportView,
  computeResults,
  parseReportRequest,
  reportText,
  type ReportView,
} from '@chiso/core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportProvinceRequest } from '../../../core/src/test-support/report-province.js';
import { resultsReportBytes } from './results-report.js';

/** Each paragraph's text, in order, tables' cells included. */
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

let view: ReportView;
let zip: JSZip;
let xml: string;
let paragraphs: string[];
beforeAll(async () => {
  const request = parseReportRequest(reportProvinceRequest());
  view = buildReportView(request, computeResults(request.results));
  zip = await JSZip.loadAsync(await resultsReportBytes(view));
  xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  paragraphs = paragraphsOf(xml).map(unescape);
});

describe('the results report as a Word document (fixture province, three blocks)', () => {
  it('has the Nghị định 30 heading: issuer, national motto, number, place and date, title', () => {
    expect(paragraphs.slice(0, 12)).toEqual(
      expect.arrayContaining([
        'ỦY BAN NHÂN DÂN TỈNH HÒA AN',
        'Số: 27/BC-UBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hòa An, ngày 01 tháng 3 năm 2026',
        'BÁO CÁO',
        'Kết quả đánh giá, xác định Chỉ số Cải cách hành chính năm 2025',
      ]),
    );
    expect(paragraphs).toEqual(
      expect.arrayContaining(['Nơi nhận:', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']),
    );
  });

  it('holds the text of every section of the view model, in order', () => {
    // Every line of the view model's text is a paragraph, or (tables) a row's cells.
    const body = paragraphs.join('\n');
    let at = 0;
    for (const line of reportText(view).split('\n')) {
      const text = line.includes(' | ')
        ? line
            .split(' | ')
            .filter((c) => c !== '')
            .join('\n')
        : line;
      const found = body.indexOf(text, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found;
    }
  });

  it('names the units of each group and counts them as the seed does, decimal commas throughout', () => {
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '- Nhóm đạt Chỉ số tổng hợp từ 90% trở lên so với điểm tối đa: Có 03 đơn vị (gồm: Sở Giao thông vận tải; Sở Nội vụ; Sở Khoa học và Công nghệ).',
        '- Nhóm đạt Chỉ số tổng hợp từ 70% đến dưới 80% so với điểm tối đa: Có 01 đơn vị (UBND xã Tân Lập).',
        '- Nhóm hoàn thành tốt nhiệm vụ: Có 02 đơn vị (gồm: UBND thành phố Hòa An; UBND huyện Thanh Bình).',
        '- Đánh giá CCHC theo 7 nội dung (thông qua các tài liệu kiểm chứng), tổng số điểm là 71,5/100 điểm, gồm:',
        'Tổng số Phiếu điều tra là 2.476 Phiếu. Cụ thể:',
        '- Tăng bậc: Sở Nội vụ (tăng 2 bậc).',
        '- Giảm bậc: Sở Y tế (giảm 3 bậc).',
        '- Sở Y tế (lĩnh vực Cải cách thủ tục hành chính: 68,75%; lĩnh vực Xây dựng và phát triển Chính quyền điện tử, Chính quyền số: 72,22%);',
      ]),
    );
    // Ranking rows: points and % with a decimal comma, never a point.
    expect(paragraphs).toEqual(expect.arrayContaining(['97,87%', '92/94', '98,5/100']));
    expect(paragraphs.filter((p) => /\d\.\d{1,2}%|\d\.5\/100/.test(p))).toEqual([]);
  });

  it('marks the narrative parts not yet written, in italics', () => {
    const missing =
      '[Chưa nhập nội dung "Nhiệm vụ và giải pháp": cơ quan thường trực bổ sung trước khi ban hành]';
    expect(paragraphs).toContain(missing);
    const paragraph = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) =>
      unescape(m[0]).includes(missing),
    );
    expect(paragraph?.[0]).toContain('<w:i/>');
  });

  it('puts one appendix table per unit on landscape pages: self, appraised, difference, reason', () => {
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'PHỤ LỤC',
        'KẾT QUẢ CHỈ SỐ CCHC NĂM 2025 CỦA TỪNG CƠ QUAN, ĐƠN VỊ',
        'Biểu A5: SỞ Y TẾ',
        'Tổng điểm 78/100 điểm; Chỉ số 78,00%; xếp hạng 5/5; nhóm từ 70% đến dưới 80%.',
        'Biểu C3: UBND XÃ TÂN LẬP',
      ]),
    );
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables.filter((t) => t.includes('Điểm tự đánh giá'));
    expect(appendix).toHaveLength(12);
    const rows = [...appendix[4]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    );
    // Header, 20 nodes, total.
    expect(rows).toHaveLength(22);
    expect(rows.find((r) => r[0] === '3.1')).toEqual([
      '3.1',
      'Công khai thủ tục hành chính',
      '6',
      '6',
      '3',
      '-3',
      'Chưa công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công',
    ]);
    expect(rows[21]).toEqual(['TỔNG ĐIỂM', '100', '85', '78', '-7']);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('is set in Times New Roman with page numbers in the header', async () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    // The document's default font, which the tables written as text take.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    expect(styles).not.toMatch(/Calibri|Arial/);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(
      headers.some((h) => /<w:instrText[^>]*>PAGE<\/w:instrText>|w:instr="PAGE"/.test(h)),
    ).toBe(true);
  });

  it('marks a draft above the heading', async () => {
    const draft = await JSZip.loadAsync(
      await resultsReportBytes({ ...view, heading: { ...view.heading, draft: true } }),
    );
    const text = (await draft.file('word/document.xml')?.async('string')) ?? '';
    expect(paragraphsOf(text)[0]).toBe('DỰ THẢO');
  });

  it('leaves the appendix out when asked', async () => {
    const without = await JSZip.loadAsync(await resultsReportBytes(view, { withAppendix: false }));
    const text = (await without.file('word/document.xml')?.async('string')) ?? '';
    expect(text).not.toContain('Biểu A1');
    expect(text).toContain('Thứ hạng của các sở, ban, ngành tỉnh:');
  });
});
