import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { sampleJpeg, sampleOffice, samplePng } from './test-support/sample-files.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;
const PNG = samplePng();
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);

describe.each(DATABASE_KINDS)('evidence uploads (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const upload = (
    fileName: string,
    content: Buffer | string,
    as = w.sessions['cb.snv'],
    unitId = 'SNV',
  ) => {
    const body = multipart(fileName, content);
    return t.request('POST', `/api/periods/${w.periodId}/units/${unitId}/evidence`, {
      as,
      payload: body.payload,
      headers: body.headers,
    });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
  }, 60_000);
  afterAll(async () => t.close());

  it('stores a PDF, hashed, and the same file once', async () => {
    let r = await upload('Báo cáo CCHC quý IV.pdf', PDF);
    expect(r.status).toBe(201);
    const evidence = (
      r.body as { evidence: { id: string; sha256: string; sizeBytes: number; fileName: string } }
    ).evidence;
    expect(evidence).toMatchObject({ fileName: 'Báo cáo CCHC quý IV.pdf', sizeBytes: PDF.length });
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    r = await upload('ban-sao.pdf', PDF);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ duplicate: true, evidence: { id: evidence.id } });
  });

  it.each([
    [
      'a text file named .pdf',
      'bao-cao.pdf',
      'không phải là tài liệu',
      'Tệp "bao-cao.pdf" không phải là PDF, Word, Excel hay ảnh (JPEG, PNG) theo nội dung; không nhận tệp này',
    ],
    [
      'a renamed executable',
      'quyet-dinh.pdf',
      ELF,
      'Tệp "quyet-dinh.pdf" không phải là PDF, Word, Excel hay ảnh (JPEG, PNG) theo nội dung; không nhận tệp này',
    ],
    [
      'a picture named as a PDF',
      'scan.pdf',
      PNG,
      'Tệp "scan.pdf" có nội dung ảnh PNG nhưng phần mở rộng không khớp (.png)',
    ],
    [
      'a path in the file name',
      '../../etc/ke-hoach.pdf',
      PDF,
      'Tên tệp "../../etc/ke-hoach.pdf" không hợp lệ: không được chứa đường dẫn thư mục',
    ],
    [
      'a Windows path in the file name',
      'C:\\Users\\x\\ke-hoach.pdf',
      PDF,
      'Tên tệp "C:\\Users\\x\\ke-hoach.pdf" không hợp lệ: không được chứa đường dẫn thư mục',
    ],
    ['an empty file', 'rong.pdf', Buffer.alloc(0), 'Tệp "rong.pdf" rỗng'],
    [
      'a PDF header followed by a web page',
      'gia-mao.pdf',
      '%PDF-1.4\n<!DOCTYPE html><html><script>fetch("/api/users")</script></html>\n%%EOF\n',
      'Tệp "gia-mao.pdf" không phải là PDF hợp lệ: có nội dung HTML hoặc mã script',
    ],
    [
      'a PNG header with nothing after it',
      'anh.png',
      PNG.subarray(0, 16),
      'Tệp "anh.png" không phải là ảnh PNG hợp lệ: không bắt đầu bằng khối IHDR',
    ],
    [
      'a JPEG without its end',
      'anh.jpg',
      sampleJpeg().subarray(0, -2),
      'Tệp "anh.jpg" không phải là ảnh JPEG hợp lệ: không có dấu kết thúc ảnh (EOI)',
    ],
  ])('refuses %s', async (_what, name, content, message) => {
    const r = await upload(name, content);
    expect(r.status).toBe(422);
    expect(errorOf(r.body)).toMatchObject({ code: 'FILE_REJECTED', message });
  });

  it('stores well-formed Word, Excel and JPEG files, and refuses a package without its content types', async () => {
    for (const [name, content, type] of [
      ['bao-cao.docx', await sampleOffice('docx'), 'wordprocessingml.document'],
      ['so-lieu.xlsx', await sampleOffice('xlsx'), 'spreadsheetml.sheet'],
      ['anh.jpg', sampleJpeg(), 'image/jpeg'],
    ] as const) {
      const r = await upload(name, content);
      expect(r.status, name).toBe(201);
      expect((r.body as { evidence: { mediaType: string } }).evidence.mediaType).toContain(type);
    }
    const r = await upload('thieu.docx', await sampleOffice('docx', false));
    expect(r.status).toBe(422);
    expect(errorOf(r.body).message).toBe(
      'Tệp "thieu.docx" không phải là Word (.docx) hợp lệ: thiếu [Content_Types].xml',
    );
  });

  it('refuses a file over the size limit (1 MB in tests), streaming, without storing it', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const r = await upload('qua-lon.pdf', big);
    expect([413, 422]).toContain(r.status);
    expect(errorOf(r.body).code).toBe('FILE_REJECTED');
    const assessment = await t.request('GET', `/api/periods/${w.periodId}/units/SNV/assessment`, {
      as: w.sessions['cb.snv'],
    });
    expect(
      (assessment.body as { evidence: { fileName: string }[] }).evidence.map((e) => e.fileName),
    ).not.toContain('qua-lon.pdf');
  });

  it('refuses uploads for another unit, and to a head-less role', async () => {
    expect((await upload('x.pdf', PDF, w.sessions['cb.syt'], 'SNV')).status).toBe(403);
    expect((await upload('x.pdf', PDF, w.sessions.td1, 'SNV')).status).toBe(403);
  });

  it('lets only those who may read the unit download its evidence', async () => {
    const r = await upload('phu-luc.png', PNG);
    const id = (r.body as { evidence: { id: string } }).evidence.id;
    const own = await t.request('GET', `/api/evidence/${id}`, { as: w.sessions['tt.snv'] });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['content-disposition']).toBe("inline; filename*=UTF-8''phu-luc.png");
    expect(own.raw.equals(PNG)).toBe(true);
    expect((await t.request('GET', `/api/evidence/${id}`, { as: w.sessions.td1 })).status).toBe(
      200,
    );
    expect((await t.request('GET', `/api/evidence/${id}`, { as: w.sessions.td2 })).status).toBe(
      403,
    );
    expect(
      (await t.request('GET', `/api/evidence/${id}`, { as: w.sessions['cb.syt'] })).status,
    ).toBe(403);
    expect((await t.request('GET', `/api/evidence/${id}`, { as: w.sessions.xem })).status).toBe(
      403,
    );
    expect((await t.request('GET', `/api/evidence/${id}`)).status).toBe(401);
  });

  it('refuses uploads once the window has closed', async () => {
    t.setTime('11/01/2023 00:00');
    const r = await upload('muon.pdf', Buffer.concat([PDF, Buffer.from('x')]));
    expect(r.status).toBe(409);
    expect(errorOf(r.body).code).toBe('WINDOW_CLOSED');
  });
});
