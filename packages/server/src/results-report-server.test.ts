import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyResponses, surveys } from './db/schema.js';
import { TEST_QUESTIONS } from './test-support/collection-fixtures.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';
import { eq } from 'drizzle-orm';

/** A .docx answer's text, cells of a row apart ("Hạng | Cơ quan, đơn vị | …"), and its XML. */
async function docxOf(t: TestApp, url: string, as: Session | undefined) {
  if (!as) throw new Error('no session');
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
  expect(r.statusCode, r.body).toBe(200);
  const zip = await JSZip.loadAsync(r.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const header = Object.keys(zip.files).some((name) => /^word\/header\d*\.xml$/.test(name));
  const text = xml
    .replace(/<\/w:tr>/g, '\n')
    .replace(/<\/w:p><\/w:tc>/g, ' | ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return { xml, text, header, disposition: String(r.headers['content-disposition']) };
}

const NARRATIVE = {
  strengths:
    'Các cơ quan đã ban hành kế hoạch CCHC đúng hạn.\nTỷ lệ hồ sơ giải quyết đúng hạn được cải thiện.',
  weaknesses: ['Một số tiêu chí chưa có tài liệu kiểm chứng đầy đủ.'],
  causes: 'Người đứng đầu một số đơn vị chưa quan tâm đúng mức.',
  tasks: 'Tiếp tục đẩy mạnh cải cách thủ tục hành chính.',
};

describe.each(DATABASE_KINDS)('the results report from the server (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let base = '';
  const entry = (unitId: string, code: string) =>
    `/api/periods/${w.periodId}/units/${unitId}/entries/${code}`;
  const versionOf = async (unitId: string, code: string, as: Session | undefined) => {
    const r = await t.request('GET', `/api/periods/${w.periodId}/units/${unitId}/assessment`, {
      as,
    });
    const entries = (r.body as { entries: { code: string; version: number }[] }).entries;
    return entries.find((e) => e.code === code)?.version ?? 0;
  };
  const ok = async (...args: Parameters<TestApp['request']>) => {
    const r = await t.request(...args);
    if (r.status >= 300) throw new Error(`${args[1]}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown>;
  };
  const reportOf = async (as = w.sessions.admin) =>
    (await ok('GET', base, { as })) as {
      version: number;
      available: boolean;
      reason: string | null;
      draft: boolean;
      blocks: { group: string; defaultName: string; units: number }[];
      areas: { code: string; title: string }[];
      derived: string[];
      preview: {
        sections: { heading: string; content: { kind: string; text?: string }[] }[];
      } | null;
    };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    base = `/api/periods/${w.periodId}/report`;
    t.setTime('05/01/2023 09:00');
    const self: [string, string, Record<string, unknown>][] = [
      ['SNV', '1.1', { facts: { completedOn: '20/01/2022' } }],
      ['SNV', '3.1', { facts: { numerator: 574, denominator: 596 } }],
      ['SNV', '3.2', { points: '1,75' }],
      ['SNV', '7.1', { facts: { numerator: 30, denominator: 100 } }],
      ['SYT', '1.1', { facts: { completedOn: '20/01/2022' } }],
      ['SYT', '1.2', { facts: { onTime: 4 } }],
      ['SYT', '1.3', { facts: { count: 2 } }],
      ['SYT', '3.1', { facts: { numerator: 596, denominator: 596 } }],
      ['SYT', '3.2', { points: '2' }],
      ['SYT', '7.1', { facts: { numerator: 60, denominator: 100 } }],
    ];
    for (const [unitId, code, body] of self) {
      const officer = unitId === 'SNV' ? w.sessions['cb.snv'] : w.sessions['cb.syt'];
      await ok('PUT', entry(unitId, code), {
        as: officer,
        body: { ...body, explanation: 'Theo hồ sơ lưu tại đơn vị', version: 0 },
      });
    }
    await ok('POST', `/api/periods/${w.periodId}/units/SNV/submit`, { as: w.sessions['tt.snv'] });
    await ok('POST', `/api/periods/${w.periodId}/units/SYT/submit`, { as: w.sessions['tt.syt'] });
    // Two questionnaires rating the departments: 3 + 2 forms from deputies, 1 from leaders.
    let form = 0;
    for (const [group, label, counts] of [
      ['daiBieu', 'Đại biểu HĐND tỉnh', { SNV: 3, SYT: 2 }],
      ['lanhDao', 'Lãnh đạo các phòng chuyên môn', { SNV: 1 }],
    ] as const) {
      const [row] = await t.deps.db
        .insert(surveys)
        .values({
          periodId: w.periodId,
          name: `Phiếu ${label}`,
          kind: 'par',
          respondentGroup: group,
          groupLabel: label,
          ratedUnitType: 'so',
          questions: TEST_QUESTIONS,
          status: 'open',
        })
        .returning({ id: surveys.id });
      for (const [unitId, n] of Object.entries(counts)) {
        for (let i = 0; i < n; i++) {
          await t.deps.db.insert(surveyResponses).values({
            surveyId: row?.id ?? '',
            unitId,
            channel: 'paper',
            answers: [1, 1, 0],
            formNumber: `P${++form}`,
            submittedOn: '2023-01-05',
          });
        }
      }
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('has no document before the council approves: 409 with the reason, the form still given', async () => {
    const r = await t.request('GET', `${base}.docx`, { as: w.sessions.admin });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toContain('chưa được Hội đồng thông qua kết quả');
    const report = await reportOf();
    expect(report).toMatchObject({ available: false, version: 0, preview: null });
    expect(report.reason).toContain('chưa được Hội đồng thông qua kết quả');
  });

  it('is read by the administrator and the council only, and written by the administrator only', async () => {
    for (const who of ['cb.snv', 'tt.snv', 'td1', 'np', 'xem', 'cb.phong']) {
      const as = w.sessions[who];
      expect((await t.request('GET', base, { as })).status, who).toBe(403);
      expect((await t.request('GET', `${base}.docx`, { as })).status, who).toBe(403);
    }
    expect((await t.request('GET', base, { as: w.sessions.hd1 })).status).toBe(200);
    const r = await t.request('PUT', base, {
      as: w.sessions.hd1,
      body: { version: 0, options: { issuer: 'UBND TỈNH HẢI DƯƠNG' } },
    });
    expect(r.status).toBe(403);
  });

  it('refuses bad options with Vietnamese issues and their paths, and what the period fills in', async () => {
    const r = await t.request('PUT', base, {
      as: w.sessions.admin,
      body: {
        version: 0,
        options: {
          issuer: '',
          date: '31/02/2023',
          blocks: [{ group: 'huyen-khong-co', name: 'các huyện' }],
          review: { areaCodes: ['9'] },
        },
      },
    });
    expect(r.status).toBe(400);
    const issues = (r.body as { error: { issues: { path: string; message: string }[] } }).error
      .issues;
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['options.issuer', 'options.date']),
    );
    const numbers = await t.request('PUT', base, {
      as: w.sessions.admin,
      body: { version: 0, options: { survey: [], windows: {} } },
    });
    expect(numbers.status).toBe(400);
    expect(JSON.stringify(numbers.body)).toContain('không nhập tay');
    const period = await t.request('PUT', base, {
      as: w.sessions.admin,
      body: {
        version: 0,
        options: {
          blocks: [{ group: 'huyen-khong-co', name: 'các huyện' }],
          review: { areaCodes: ['9'] },
        },
      },
    });
    expect(period.status).toBe(400);
    const periodIssues = (period.body as { error: { issues: { path: string; message: string }[] } })
      .error.issues;
    expect(periodIssues).toEqual([
      {
        path: 'options.blocks[0].group',
        message: 'kỳ đánh giá không có khối (nhóm xếp hạng) "huyen-khong-co"',
      },
      { path: 'options.review.areaCodes[0]', message: 'bộ chỉ số của kỳ không có lĩnh vực mã "9"' },
    ]);
  });

  it('makes a draft marked "DỰ THẢO" from the computed results of an approved period', async () => {
    t.setTime('12/01/2023 08:00');
    await ok('PUT', `${entry('SNV', '3.2')}/appraisal`, {
      as: w.sessions.td1,
      body: {
        points: '1,25',
        comment: 'Chưa công khai trên Cổng dịch vụ công',
        version: await versionOf('SNV', '3.2', w.sessions.td1),
      },
    });
    await ok('POST', `/api/periods/${w.periodId}/units/SNV/finalise`, { as: w.sessions.td1 });
    await ok('POST', `/api/periods/${w.periodId}/units/SYT/finalise`, { as: w.sessions.td2 });
    t.setTime('18/01/2023 10:00');
    await ok('POST', `/api/periods/${w.periodId}/units/SNV/finalise`, { as: w.sessions.td1 });
    await ok('POST', `/api/periods/${w.periodId}/units/SYT/finalise`, { as: w.sessions.td2 });
    t.setTime('25/01/2023 14:00');
    await ok('POST', `/api/periods/${w.periodId}/approve`, {
      as: w.sessions.hd1,
      body: { decisionNumber: '27/QĐ-HĐ', decisionDate: '2023-01-25' },
    });
    const { text, disposition } = await docxOf(t, `${base}.docx`, w.sessions.hd1);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Có 01 đơn vị (Sở Nội vụ)');
    expect(disposition).toContain('filename="bao-cao-ket-qua-chi-so-cchc-2022-du-thao.docx"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo kết quả Chỉ số CCHC năm 2022 (dự thảo).docx')}`,
    );
    const report = await reportOf(w.sessions.hd1);
    expect(report).toMatchObject({ available: true, draft: true });
  });

  it('saves the secretariat’s text on its version, audited, and refuses a stale save', async () => {
    const options = {
      issuer: 'UBND TỈNH HẢI DƯƠNG',
      number: '27/BC-UBND',
      place: 'Hải Dương',
      date: '2023-02-03',
      blocks: [
        {
          group: 'so',
          name: 'các sở, ban, ngành tỉnh',
          heads: 'Thủ trưởng các sở, ban, ngành tỉnh',
        },
      ],
      narrative: NARRATIVE,
      recipients: ['Bộ Nội vụ;', 'Lưu: VT.'],
      signature: {
        onBehalfOf: 'TM. ỦY BAN NHÂN DÂN',
        position: 'KT. CHỦ TỊCH',
        name: 'Trần Văn Quân',
      },
    };
    const saved = (await ok('PUT', base, {
      as: w.sessions.admin,
      body: { version: 0, options },
    })) as { version: number; options: unknown };
    expect(saved).toMatchObject({ version: 1, options });
    const stale = await t.request('PUT', base, {
      as: w.sessions.admin,
      body: { version: 0, options: { issuer: 'UBND TỈNH KHÁC' } },
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('vừa được người khác lưu');
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.options.save'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: w.periodId, before: null, after: options });
  });

  it('words the published report from the publication, the period’s windows, surveys and the text entered', async () => {
    t.setTime('02/02/2023 08:00');
    await ok('POST', `/api/periods/${w.periodId}/publish`, { as: w.sessions.admin });
    const { text, xml, header, disposition } = await docxOf(t, `${base}.docx`, w.sessions.admin);
    expect(disposition).toContain('filename="bao-cao-ket-qua-chi-so-cchc-2022.docx"');
    expect(text).not.toContain('DỰ THẢO');
    for (const expected of [
      'UBND TỈNH HẢI DƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 27/BC-UBND',
      'Hải Dương, ngày 03 tháng 02 năm 2023',
      'Kết quả đánh giá, xác định Chỉ số Cải cách hành chính năm 2022',
      'KẾT QUẢ ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2022',
      '- Các sở, ban, ngành tỉnh: 02 đơn vị.',
      // The survey sample counted from the responses received, per respondent group.
      'Tổng số Phiếu điều tra là 06 Phiếu. Cụ thể:',
      'Điều tra về công tác CCHC đối với các sở, ban, ngành tỉnh là 06 phiếu, gồm:',
      '- Lấy ý kiến của Đại biểu HĐND tỉnh: 05 Phiếu;',
      '- Lấy ý kiến của Lãnh đạo các phòng chuyên môn: 01 Phiếu.',
      // The windows of the period (closing at 24:00 ends that day).
      'kể từ ngày 25/12/2022 đến 24 giờ ngày 10/01/2023.',
      'từ ngày 11/01/2023 đến ngày 16/01/2023.',
      'Kết quả Chỉ số CCHC của các sở, ban, ngành tỉnh được xác định thành 02 nhóm điểm:',
      'so với điểm tối đa: Có 01 đơn vị (Sở Y tế).',
      'so với điểm tối đa: Có 01 đơn vị (Sở Nội vụ).',
      '1 | Sở Y tế | 10/10 | 100,00% | ',
      '2 | Sở Nội vụ | 5/10 | 50,00% | ',
      '1. Đối với Thủ trưởng các sở, ban, ngành tỉnh',
      'Sở Nội vụ (lĩnh vực Cải cách thủ tục hành chính: 73,33%; lĩnh vực Chính quyền điện tử, chính quyền số: 60,00%)',
      'Các cơ quan đã ban hành kế hoạch CCHC đúng hạn.',
      'Tỷ lệ hồ sơ giải quyết đúng hạn được cải thiện.',
      'Một số tiêu chí chưa có tài liệu kiểm chứng đầy đủ.',
      'Người đứng đầu một số đơn vị chưa quan tâm đúng mức.',
      'Tiếp tục đẩy mạnh cải cách thủ tục hành chính.',
      'Bộ Nội vụ;',
      'KT. CHỦ TỊCH',
      'Trần Văn Quân',
      // The appendix: self-assessed from the leaf stories, appraised, difference, reason.
      'Biểu A1: SỞ Y TẾ',
      'Biểu A2: SỞ NỘI VỤ',
      '3.2 | Công khai thủ tục hành chính | 2 | 1,75 | 1,25 | -0,5 | Chưa công khai trên Cổng dịch vụ công | ',
      '3.1 | Tỷ lệ hồ sơ TTHC giải quyết đúng hạn | 1 | 0,95 | 0,95 | 0 | ',
      ' | TỔNG ĐIỂM | 10 | 5,5 | 5 | -0,5 |  | ',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('[Chưa nhập nội dung');
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('w:orient="landscape"');
    expect(header).toBe(true);

    const without = await docxOf(t, `${base}.docx?appendix=0`, w.sessions.hd1);
    expect(without.text).not.toContain('Biểu A1');
    expect(without.text).toContain('Tiếp tục đẩy mạnh cải cách thủ tục hành chính.');
  });

  it('gives the appendix alone as a document and a workbook, and the preview in the same words', async () => {
    const appendix = await docxOf(
      t,
      `${base.replace('/report', '/report-appendix')}.docx`,
      w.sessions.hd1,
    );
    expect(appendix.text).toContain('(Kèm theo Báo cáo số 27/BC-UBND của UBND TỈNH HẢI DƯƠNG');
    expect(appendix.text).toContain('Biểu A2: SỞ NỘI VỤ');
    expect(appendix.text).not.toContain('Phần thứ nhất');
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/periods/${w.periodId}/report-appendix.xlsx`,
      headers: { cookie: w.sessions.admin?.cookie ?? '' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('phu-luc-ket-qua-chi-so-cchc-2022.xlsx');
    const zip = await JSZip.loadAsync(r.rawPayload);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet).toContain('Chưa công khai trên Cổng dịch vụ công');
    expect(sheet).toContain('Sở Nội vụ');

    const report = await reportOf();
    expect(report).toMatchObject({ available: true, draft: false, version: 1 });
    expect(report.blocks).toEqual([
      {
        group: 'so',
        defaultName: 'khối Sở, ban, ngành',
        defaultHeads: 'người đứng đầu khối Sở, ban, ngành',
        units: 2,
      },
    ]);
    expect(report.areas.map((a) => a.code)).toEqual(['1', '3', '7']);
    expect(report.derived.join('\n')).toContain(
      'Phiếu khảo sát đã nhận: 6 phiếu (Đại biểu HĐND tỉnh: 05; Lãnh đạo các phòng chuyên môn: 01).',
    );
    const previewText = (report.preview?.sections ?? [])
      .flatMap((s) => [s.heading, ...s.content.map((c) => c.text ?? '')])
      .join('\n');
    expect(previewText).toContain('- Lấy ý kiến của Đại biểu HĐND tỉnh: 05 Phiếu;');
    expect(previewText).toContain('Người đứng đầu một số đơn vị chưa quan tâm đúng mức.');
  });
});
