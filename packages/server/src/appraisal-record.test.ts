import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castOf, importFramework, ok, SXD_CSV, SXD_SELF, type Cast } from './test-support/cycle.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { WINDOWS } from './test-support/world.js';

/** The record's text and its XML, read back from the .docx. */
async function readRecord(t: TestApp, url: string, as: Session | undefined) {
  if (!as) throw new Error('no session');
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-disposition']).toContain('bien-ban-tham-dinh-SXD-2022.docx');
  const zip = await JSZip.loadAsync(r.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  // Cells and paragraphs apart, so that a row reads "6.1 | Thực hiện dự toán | 47 | …".
  const text = xml
    .replace(/<\/w:p><\/w:tc>/g, ' | ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return { xml, text };
}

describe.each(DATABASE_KINDS)('the appraisal record of a unit (%s)', (kind) => {
  let t: TestApp;
  let cast: Cast;
  let other: Session;
  let base = '';
  let url = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, ['SXD', 'SNV'], { SXD: 'Sở Xây dựng', SNV: 'Sở Nội vụ' });
    await t.createAccount('td2', 'appraiser');
    other = await t.login('td2');
    const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
    t.setTime('26/12/2022 09:00');
    const period = await ok(t, 'POST', '/api/periods', {
      as: cast.admin,
      body: { name: 'Kỳ thử', year: 2022, frameworks: { so: frameworkId }, windows: WINDOWS },
    });
    base = `/api/periods/${String(period.id)}/units/SXD`;
    url = `${base}/appraisal-record.docx?place=H%C3%B2a%20An`;
    await ok(t, 'PUT', `${base}/appraisers`, {
      as: cast.admin,
      body: { appraiserIds: [cast.appraiserId] },
    });
    for (const [code, facts] of Object.entries(SXD_SELF)) {
      await ok(t, 'PUT', `${base}/entries/${code}`, {
        as: cast.officers.SXD,
        body: { facts, explanation: 'Theo hồ sơ lưu tại đơn vị', version: 0 },
      });
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('is refused before the unit submits: nothing to appraise yet', async () => {
    const r = await t.request('GET', url, { as: cast.admin });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toContain('Sở Xây dựng chưa gửi kết quả tự đánh giá');
  });

  it('is a draft for the appraiser while the first round is open, and hidden from the unit', async () => {
    await ok(t, 'POST', `${base}/submit`, { as: cast.heads.SXD });
    t.setTime('12/01/2023 09:00');
    const entry = (await ok(t, 'GET', `${base}/assessment`, { as: cast.appraiser })) as {
      entries: { code: string; version: number }[];
    };
    await ok(t, 'PUT', `${base}/entries/6.1/appraisal`, {
      as: cast.appraiser,
      body: {
        points: '40',
        comment: 'Thiếu quyết định giao dự toán',
        version: entry.entries.find((e) => e.code === '6.1')?.version ?? 0,
      },
    });
    const { text } = await readRecord(t, url, cast.appraiser);
    expect(text).toContain('DỰ THẢO');
    for (const as of [cast.officers.SXD, cast.heads.SXD]) {
      const r = await t.request('GET', url, { as });
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).toContain('sau khi người thẩm định chốt vòng 1');
    }
  });

  it('is refused to another unit and to an appraiser not assigned to the unit', async () => {
    for (const as of [cast.officers.SNV, cast.heads.SNV, other]) {
      expect((await t.request('GET', url, { as })).status).toBe(403);
    }
  });

  it('lists leaf by leaf the unit’s points, the appraised ones, the difference and the reason', async () => {
    await ok(t, 'POST', `${base}/finalise`, { as: cast.appraiser });
    t.setTime('13/01/2023 10:00');
    const { xml, text } = await readRecord(t, url, cast.officers.SXD);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỔ THẨM ĐỊNH CHỈ SỐ CCHC',
      'Hòa An, ngày 13 tháng 01 năm 2023',
      'BIÊN BẢN THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022',
      'của Sở Xây dựng',
      'Thành phần thẩm định: Người dùng td.',
      'Thời gian thẩm định: ngày 12 tháng 01 năm 2023.',
      'Kết quả thẩm định vòng 1 gửi đơn vị ngày 12 tháng 01 năm 2023.',
      '6.1 | Thực hiện dự toán | 47 | 45,41 | 40 | -5,41 | Thiếu quyết định giao dự toán | ',
      '6.2 | Cơ chế tự chủ của đơn vị sự nghiệp | 3 | — | — | — | Không áp dụng | ',
      '1.1 | Kết quả thực hiện kế hoạch | 50 | 45,5 | 45,5 | 0 |  | ',
      ' | TỔNG ĐIỂM | 97 | 90,91 | 85,5 | -5,41 |  | ',
      'Điểm tự đánh giá: 90,91/97 điểm (Chỉ số 93,72%).',
      'Điểm thẩm định: 85,5/97 điểm (Chỉ số 88,14%); chênh lệch -5,41 điểm so với điểm tự đánh giá.',
      'Có 01 tiêu chí thành phần thay đổi điểm so với tự đánh giá: 6.1.',
      'ĐẠI DIỆN SỞ XÂY DỰNG',
      'NGƯỜI THẨM ĐỊNH',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('DỰ THẢO');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Times New Roman');
    // The appraiser signs under their name.
    expect(text.indexOf('Người dùng td', text.indexOf('NGƯỜI THẨM ĐỊNH'))).toBeGreaterThan(0);
  });

  it('is open to the council, the administrator and the assigned appraiser', async () => {
    for (const as of [cast.council, cast.admin, cast.appraiser]) {
      const { text } = await readRecord(t, url, as);
      expect(text).toContain('của Sở Xây dựng');
    }
  });
});
