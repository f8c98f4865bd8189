import { expect, request, test } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN, BASE_URL, PASSWORD } from './support/constants';
import { xlsx } from './support/files';
import { expectFitsScreen, openAnonymous, PHONE, shot, signIn, watchTrouble } from './support/ui';

const COMMUNES = [
  { id: 'XAB', name: 'UBND xã An Bình', type: 'xa' },
  { id: 'XTL', name: 'UBND xã Tân Lập', type: 'xa' },
];
const CLERK = { username: 'nhapphieu', fullName: 'Hoàng Thu Phiếu', role: 'surveyClerk' };
const SURVEY_NAME = 'Phiếu khảo sát người dân về UBND xã';

/** Communes' framework 2026: one leaf scored on evidence, one from the citizens' survey. */
const COMMUNE_FRAMEWORK = [
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 1, null],
  ['1.1', 'Ban hành kế hoạch CCHC năm', 1, '{"kind":"timeliness","deadline":"2026-01-31"}'],
  ['2', 'Đánh giá qua điều tra xã hội học', 3, null],
  [
    '2.1',
    'Ý kiến của người dân về thái độ phục vụ',
    3,
    '{"kind":"survey","groups":[{"group":"nguoiDan","label":"Người dân, doanh nghiệp"}]}',
  ],
];

const OPTIONS = [
  { key: 'A', label: 'Rất hài lòng', weight: 100 },
  { key: 'B', label: 'Hài lòng', weight: 60 },
  { key: 'C', label: 'Chưa hài lòng', weight: 20 },
  { key: 'D', label: 'Rất không hài lòng', weight: 0 },
];

interface Arranged {
  periodId: string;
  surveyId: string;
  codes: string[];
  link: string;
}

/**
 * The province has a communes' period with a citizens' questionnaire open, two personal codes
 * for xã An Bình, and every paper form selected for the re-check (so the step is certain).
 */
async function arrange(): Promise<Arranged> {
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  try {
    for (const unit of COMMUNES)
      await admin.send('PUT', `/units/${unit.id}`, { name: unit.name, type: unit.type });
    await admin.send('POST', '/users', { ...CLERK, unitId: null, password: PASSWORD });
    const name = 'Bộ chỉ số cấp xã năm 2026';
    const query = new URLSearchParams({ name, year: '2026', unitType: 'xa' });
    await admin.importFile(
      `/frameworks/import?${query.toString()}`,
      'bo-chi-so-xa-2026.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsx('Bộ chỉ số', COMMUNE_FRAMEWORK),
    );
    const frameworks = (await admin.get('/frameworks')) as unknown as {
      id: string;
      name: string;
    }[];
    const framework = frameworks.find((f) => f.name === name)!;
    const open = { opensAt: '01/01/2027 00:00', closesAt: '31/01/2027 24:00' };
    const period = await admin.send('POST', '/periods', {
      name: 'Chỉ số CCHC cấp xã năm 2026',
      year: 2026,
      frameworks: { xa: framework.id },
      windows: { selfAssessment: open, appraisal: open, explanation: open, council: open },
      unitIds: COMMUNES.map((u) => u.id),
    });
    const periodId = period.id as string;
    const survey = await admin.send('POST', `/periods/${periodId}/surveys`, {
      recheckPercent: 100,
      questionnaire: {
        name: SURVEY_NAME,
        kind: 'par',
        group: 'nguoiDan',
        groupLabel: 'Người dân, doanh nghiệp',
        ratedUnitType: 'xa',
        questions: [
          ['C1', 'Thái độ của công chức khi tiếp nhận hồ sơ', false],
          ['C2', 'Thời gian chờ đến lượt tại Bộ phận Một cửa', true],
          ['C3', 'Hướng dẫn bổ sung hồ sơ rõ ràng, một lần', false],
        ].map(([code, text, optional]) => ({
          code,
          text,
          optional,
          leafCode: '2.1',
          options: OPTIONS,
        })),
      },
    });
    const surveyId = survey.id as string;
    await admin.send('PUT', `/surveys/${surveyId}/targets`, {
      targets: COMMUNES.map((u) => ({ unitId: u.id, target: 4 })),
    });
    await admin.send('POST', `/surveys/${surveyId}/status`, { status: 'open' });
    const issued = await admin.send('POST', `/surveys/${surveyId}/codes`, {
      unitId: 'XAB',
      count: 2,
    });
    const codes = (issued.codes as { code: string }[]).map((c) => c.code);
    const link = await admin.send('POST', `/surveys/${surveyId}/links`, { unitId: 'XTL' });
    return { periodId, surveyId, codes, link: link.token as string };
  } finally {
    await admin.dispose();
  }
}

test('a citizen answers on a phone; a clerk enters a paper form and re-checks it', async ({
  browser,
}, testInfo) => {
  const { periodId, surveyId, codes, link } = await arrange();
  const code = codes[0]!;

  await test.step('the citizen types the code from the letter, on a phone', async () => {
    const page = await openAnonymous(browser, PHONE);
    // The citizen's form asks for nothing it may not have, and logs no error.
    const trouble = watchTrouble(page);
    await page.goto('/phieu');
    // People type codes in lower case and without the dash.
    await page.getByLabel('Mã phiếu').fill(code.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await expect(page.getByText('Đánh giá: UBND xã An Bình')).toBeVisible();
    await expect(page.getByText('Đã trả lời 0/3 câu')).toBeVisible();
    await expectFitsScreen(page);
    await shot(page, testInfo, 'phieu-tren-dien-thoai');

    await page.getByRole('group', { name: /Câu 1/ }).getByText('Rất hài lòng').click();
    await page.getByRole('button', { name: 'Lưu để trả lời tiếp' }).click();
    await expect(page.getByText(/Đã lưu lúc/)).toBeVisible();

    // Coming back later: the saved answer is still chosen.
    await page.reload();
    await expect(
      page.getByRole('group', { name: /Câu 1/ }).getByLabel('Rất hài lòng'),
    ).toBeChecked();
    await expect(page.getByText('Đã trả lời 1/3 câu')).toBeVisible();

    // Sending with a required question left: the form says which.
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByText('Còn 1 câu bắt buộc chưa trả lời')).toBeVisible();
    await page.getByRole('group', { name: /Câu 3/ }).getByText('Hài lòng', { exact: true }).click();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByText('Có 1 câu không bắt buộc chưa trả lời.')).toBeVisible();
    await shot(page, testInfo, 'xac-nhan-gui');
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByText('Cảm ơn Ông/Bà!')).toBeVisible();
    await expectFitsScreen(page);
    await shot(page, testInfo, 'cam-on');

    // One code, one response.
    await page.goto(`/phieu/${code}`);
    await expect(page.getByText('Mã phiếu này đã được dùng')).toBeVisible();
    await shot(page, testInfo, 'ma-da-dung');
    trouble.expectClean();
    await page.context().close();
  });

  await test.step('at the one-stop desk, a phone that already answered is told so at once', async () => {
    const page = await openAnonymous(browser, PHONE);
    const trouble = watchTrouble(page);
    await page.goto(`/phieu/mo/${link}`);
    await expect(page.getByText('Đánh giá: UBND xã Tân Lập')).toBeVisible();
    await page.getByRole('group', { name: /Câu 1/ }).getByText('Hài lòng', { exact: true }).click();
    await page.getByRole('group', { name: /Câu 3/ }).getByText('Rất hài lòng').click();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByText('Cảm ơn Ông/Bà!')).toBeVisible();
    // Scanning the QR code again on the same phone: no form to fill in for nothing.
    await page.goto(`/phieu/mo/${link}`);
    await expect(page.getByText('Thiết bị này đã gửi phiếu')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gửi phiếu' })).toHaveCount(0);
    await expectFitsScreen(page);
    await shot(page, testInfo, 'thiet-bi-da-gui');
    trouble.expectClean();
    await page.context().close();
  });

  await test.step('the administrator sees a burst through the desk link and caps it at a day', async () => {
    // Five more answers from the same address within minutes, each from a fresh device.
    for (let i = 0; i < 5; i++) {
      const device = await request.newContext({ baseURL: BASE_URL });
      const form = (await (await device.get(`/api/public/surveys/link/${link}`)).json()) as {
        formToken: string;
        survey: { questions: { code: string; options: { key: string }[] }[] };
      };
      const answers = Object.fromEntries(
        form.survey.questions.map((q) => [q.code, q.options[0]?.key ?? null]),
      );
      const sent = await device.post(`/api/public/surveys/link/${link}`, {
        data: { answers, formToken: form.formToken },
      });
      expect(sent.status(), await sent.text()).toBe(200);
      await device.dispose();
    }
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/khao-sat/${surveyId}?tab=duong-dan`);
    const row = page.getByRole('row', { name: /UBND xã Tân Lập/ });
    await expect(
      row.getByText(/Đáng ngờ: 1 lần một địa chỉ mạng gửi hơn 5 phiếu trong 10 phút/),
    ).toBeVisible();
    await row.getByLabel('Số phiếu tối đa mỗi ngày qua đường dẫn của UBND xã Tân Lập').fill('6');
    await row
      .getByRole('button', { name: 'Lưu số phiếu tối đa mỗi ngày của UBND xã Tân Lập' })
      .click();
    await expect(page.getByText('Đã lưu số phiếu tối đa mỗi ngày')).toBeVisible();
    await shot(page, testInfo, 'duong-dan-gioi-han');
    await page.context().close();

    // The seventh answer of the day is turned away, saying why and when to come back.
    const phone = await openAnonymous(browser, PHONE);
    await phone.goto(`/phieu/mo/${link}`);
    await phone
      .getByRole('group', { name: /Câu 1/ })
      .getByText('Hài lòng', { exact: true })
      .click();
    await phone.getByRole('group', { name: /Câu 3/ }).getByText('Rất hài lòng').click();
    await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(phone.getByText(/đã nhận đủ 6 phiếu hôm nay/)).toBeVisible();
    await expectFitsScreen(phone);
    await shot(phone, testInfo, 'du-phieu-hom-nay');
    await phone.context().close();
  });

  await test.step('the clerk types paper form 0001 with the keyboard', async () => {
    const page = await signIn(browser, CLERK.username);
    await page.goto(`/khao-sat/${surveyId}/nhap-phieu`);
    await page.getByRole('textbox', { name: 'Lô', exact: true }).fill('Lô 01');
    await page.getByRole('textbox', { name: 'Số phiếu', exact: true }).fill('0001');
    await page
      .getByRole('combobox', { name: 'Đơn vị được đánh giá' })
      .or(page.getByRole('textbox', { name: 'Đơn vị được đánh giá' }))
      .first()
      .click();
    await page.getByRole('option', { name: /UBND xã An Bình/ }).click();
    // Letters move on by themselves: C1 = A, C2 = C, C3 = D, then Enter saves.
    await page.getByRole('textbox', { name: 'C1', exact: true }).focus();
    await page.keyboard.type('ACD');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Đã lưu phiếu số 0001')).toBeVisible();
    await expect(page.getByText(/Phiếu này thuộc mẫu phúc tra/)).toBeVisible();
    await shot(page, testInfo, 'nhap-phieu-giay');

    await page.getByRole('tab', { name: /Phúc tra/ }).click();
    await page.getByLabel('Số phiếu cần nhập lại').fill('0001');
    await page.getByRole('button', { name: 'Nhập lại phiếu này' }).click();
    await expect(page.getByText('Nhập lại phiếu số 0001')).toBeVisible();
    // The second entry is blind; the clerk misreads C1 as B.
    await page.getByRole('textbox', { name: 'C1', exact: true }).focus();
    await page.keyboard.type('BCD');
    await page.getByRole('button', { name: 'Lưu lần nhập thứ hai' }).click();
    await expect(page.getByText('Phiếu số 0001: lệch 1 câu')).toBeVisible();
    await shot(page, testInfo, 'phuc-tra-lech');

    // The paper form says A: the clerk settles it.
    const mismatch = page.getByRole('radiogroup', { name: /Câu C1/ });
    await mismatch.getByLabel(/^A\. Rất hài lòng/).check();
    await page.getByRole('button', { name: 'Xác nhận phương án đúng' }).click();
    await expect(page.getByText(/cần xử lý\s*0/)).toBeVisible();
    await shot(page, testInfo, 'phuc-tra-xong');
    await page.context().close();
  });

  await test.step("the clerk imports the post office's delivery, refused then accepted", async () => {
    const page = await signIn(browser, CLERK.username);
    await page.goto(`/khao-sat/${surveyId}/nhap-phieu?muc=tep`);
    const header = ['Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'C2', 'C3'];
    const file = (rows: (string | null)[][]) =>
      xlsx('Phiếu bưu điện', [header, ...rows]).then((buffer) => ({
        name: 'buu-dien-dot-1.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      }));
    // Form 0001 was typed on paper already; BD-02 has no option E: nothing is saved.
    await page.locator('input[type=file]').setInputFiles(
      await file([
        ['BD-01', 'Bưu điện đợt 1', 'XTL', 'A', 'B', 'A'],
        ['BD-02', 'Bưu điện đợt 1', 'XTL', 'E', null, 'B'],
        ['0001', 'Bưu điện đợt 1', 'XTL', 'A', null, 'A'],
      ]),
    );
    await page.getByRole('button', { name: 'Nhập phiếu từ tệp' }).click();
    const problems = page.getByRole('table', { name: 'Các lỗi trong tệp' });
    await expect(problems).toContainText('câu C1: không có phương án "E"');
    await expect(problems).toContainText('số phiếu "0001" đã được nhập trước đó');
    await shot(page, testInfo, 'nhap-tep-bi-tu-choi');
    await page.locator('input[type=file]').setInputFiles(
      await file([
        ['BD-01', 'Bưu điện đợt 1', 'XTL', 'A', 'B', 'A'],
        ['BD-02', 'Bưu điện đợt 1', 'XTL', 'C', null, 'B'],
      ]),
    );
    await page.getByRole('button', { name: 'Nhập phiếu từ tệp' }).click();
    await expect(page.getByText('Đã nhập 2 phiếu')).toBeVisible();
    await shot(page, testInfo, 'nhap-tep-xong');
    await page.context().close();
  });

  await test.step('the administrator recounts and sees the survey points', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/khao-sat/ket-qua/${periodId}`);
    await page.getByRole('button', { name: 'Tính lại' }).click();
    await page.getByRole('tab', { name: 'Điểm tiêu chí khảo sát' }).click();
    // (100 + 60 + 100 + 20 + 0) ÷ 5 answers = 56% of 3 points.
    const row = page.getByRole('row').filter({ hasText: 'UBND xã An Bình' }).first();
    await expect(row).toContainText('1,68');
    await shot(page, testInfo, 'ket-qua-khao-sat');
    await page.context().close();
  });

  await test.step('the administrator imports a sampling frame, then the questionnaire back (jobs)', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/khao-sat/${surveyId}?tab=chon-mau`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'danh-sach.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Mã đơn vị;Họ và tên;Liên hệ\nXAB;Nguyễn Văn Một;0912 000 001\nXTL;Trần Thị Hai;\n',
      ),
    });
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    await expect(page.getByText('Đã nhập 2 người vào danh sách chọn mẫu')).toBeVisible();
    await expect(page.getByText(/Danh sách hiện có 2 người/)).toBeVisible();
    await shot(page, testInfo, 'danh-sach-chon-mau-da-nhap');
    const exported = await page.request.get(`/api/surveys/${surveyId}/export.xlsx`);
    await page.goto(`/khao-sat?ky=${periodId}`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'phieu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await exported.body(),
    });
    await page.getByRole('button', { name: 'Nhập phiếu', exact: true }).click();
    await expect(page.getByText(`Đã nhập phiếu "${SURVEY_NAME}" (3 câu hỏi)`)).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(surveyId));
    await expect(page.getByRole('heading', { level: 2, name: SURVEY_NAME })).toBeVisible();
    await shot(page, testInfo, 'phieu-da-nhap-tu-excel');
    await page.context().close();
  });
});
