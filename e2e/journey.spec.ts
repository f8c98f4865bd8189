import { expect, test, type Page } from '@playwright/test';
import { Api } from './support/api';
import { ACCOUNTS, ADMIN, FRAMEWORK_NAME, PASSWORD } from './support/constants';
import { pdf } from './support/files';
import {
  expectFitsScreen,
  openAnonymous,
  PHONE,
  saved,
  shot,
  signIn,
  TABLET,
  watchTrouble,
} from './support/ui';

const PERIOD_NAME = 'Chỉ số CCHC năm 2026';
const OPENS = '01/01/2027 00:00';
const CLOSES = '31/01/2027 24:00';
const WINDOWS = [
  'Tự đánh giá, tải tài liệu kiểm chứng',
  'Thẩm định',
  'Giải trình',
  'Hội đồng xem xét, thông qua',
  'Công bố',
];
const appraiserName = ACCOUNTS.find((a) => a.username === 'td1')!.fullName;

/** Picks an option of a Mantine Select or MultiSelect by its label. */
async function choose(page: Page, label: string, option: string) {
  const field = page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('textbox', { name: label }));
  await field.first().click();
  await page.getByRole('option', { name: option }).click();
}

async function openLeaf(page: Page, code: string, title: string) {
  await page
    .getByRole('navigation', { name: /tiêu chí/ })
    .getByText(`${code} ${title}`)
    .click();
  await expect(page.getByRole('heading', { level: 3, name: `${code}. ${title}` })).toBeVisible();
}

async function uploadEvidence(page: Page, fileName: string, title: string) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf(title) });
  await saved(page, `Đã tải lên "${fileName}"`);
  await expect(page.getByRole('link', { name: fileName })).toBeVisible();
}

/** Drops a file on the drop zone as a file manager would. */
async function dropEvidence(page: Page, fileName: string, title: string) {
  const bytes = [...pdf(title)];
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], name, { type: 'application/pdf' }));
      return transfer;
    },
    { name: fileName, content: bytes },
  );
  const zone = page.getByRole('button', { name: /^Kéo thả tệp vào đây/ });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await saved(page, `Đã tải lên "${fileName}"`);
  await expect(page.getByRole('link', { name: fileName })).toBeVisible();
}

/** Sở Y tế goes through the same steps by the API, so that the ranking has two departments. */
async function runSecondDepartment(periodId: string, step: 'submit' | 'finalise') {
  const as = (username: string) => Api.signIn(username, PASSWORD);
  const base = `/periods/${periodId}/units/SYT`;
  if (step === 'submit') {
    const officer = await as('cb.syt');
    const facts: Record<string, unknown> = {
      '1.1': { completedOn: '2026-02-10' },
      '1.2': { onTime: 3 },
      '2.1': { numerator: 1200, denominator: 1200 },
    };
    for (const [code, value] of Object.entries(facts)) {
      const { entries } = (await officer.get(`${base}/assessment`)) as {
        entries: { code: string; version: number }[];
      };
      const entry = entries.find((e) => e.code === code)!;
      await officer.send('PUT', `${base}/entries/${code}`, {
        facts: value,
        explanation: 'Số liệu theo báo cáo năm của Sở Y tế',
        version: entry.version,
      });
    }
    await officer.dispose();
    const head = await as('tt.syt');
    await head.send('POST', `${base}/submit`);
    await head.dispose();
  } else {
    const appraiser = await as('td1');
    await appraiser.send('POST', `${base}/finalise`);
    await appraiser.send('POST', `${base}/finalise`);
    await appraiser.dispose();
  }
}

test('a period from opening to the published ranking', async ({ browser }, testInfo) => {
  // The results report's step (a sign-in, a save, a document) adds a minute on two shared cores.
  test.setTimeout(testInfo.timeout + 120_000);
  let periodId = '';

  await test.step('a wrong password is refused in Vietnamese, keeping what was typed', async () => {
    const page = await openAnonymous(browser);
    await page.goto('/ky-danh-gia');
    // A protected page sends the visitor to sign in, and back after.
    await expect(page).toHaveURL(/\/dang-nhap/);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill('mat-khau-sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(ADMIN.username);
    await shot(page, testInfo, 'dang-nhap-sai');
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Kỳ đánh giá' })).toBeVisible();
    await page.context().close();
  });

  await test.step('the administrator opens the period and assigns the appraiser', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kỳ đánh giá' })
      .click();
    await expect(page.getByRole('heading', { name: 'Mở kỳ đánh giá mới' })).toBeVisible();
    // Opened in January 2027 the form proposes the 2026 index, or 2027 once another journey
    // has opened a 2026 period (the district's, in improvement-loop): the year is typed.
    await expect(page.getByLabel('Tên kỳ đánh giá')).toHaveValue(/^Chỉ số CCHC năm 202[67]$/);
    await page.getByLabel('Tên kỳ đánh giá').fill(PERIOD_NAME);
    await page.getByLabel('Năm đánh giá').fill('2026');
    await choose(page, 'Sở, ban, ngành', `${FRAMEWORK_NAME} (2026)`);
    for (const window of WINDOWS) {
      await page.getByLabel(`${window} — bắt đầu`).fill(OPENS);
      await page.getByLabel(`${window} — kết thúc`).fill(CLOSES);
    }
    await shot(page, testInfo, 'quan-tri-mo-ky');
    await page.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await expect(page.getByRole('heading', { level: 2, name: PERIOD_NAME })).toBeVisible();
    periodId = new URL(page.url()).pathname.split('/').pop()!;
    // All windows open on 12/01/2027, with the time left.
    await expect(page.getByText('còn 19 ngày 15 giờ').first()).toBeVisible();
    for (const unit of ['Sở Nội vụ', 'Sở Y tế']) {
      await choose(page, `Thành viên thẩm định ${unit}`, appraiserName);
      await saved(page, `Đã phân công thẩm định ${unit}`);
      await page.keyboard.press('Escape');
    }
    await shot(page, testInfo, 'quan-tri-phan-cong');
    await page.context().close();
  });

  await runSecondDepartment(periodId, 'submit');

  await test.step('the officer fills three leaves with evidence', async () => {
    const page = await signIn(browser, 'cb.snv');
    await expect(page.getByRole('heading', { name: PERIOD_NAME })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Lĩnh vực 1: đã chấm 0/2' })).toHaveCount(1);
    await expect(page.getByText('Đã chấm 0/1 tiêu chí')).toBeVisible();
    await shot(page, testInfo, 'can-bo-trang-chinh');
    await page.getByRole('link', { name: 'Tự đánh giá' }).click();

    await openLeaf(page, '1.1', 'Ban hành kế hoạch CCHC năm');
    await expect(page.getByText('Ban hành trước 31/01/2026: đủ điểm')).toBeVisible();
    await page.getByLabel('Ngày hoàn thành').fill('20/01/2026');
    await expect(page.getByText(/Điểm tạm tính: .*1\/1/)).toBeVisible();
    await page.getByRole('button', { name: 'Lưu tiêu chí 1.1' }).click();
    await saved(page, 'Đã lưu tiêu chí 1.1');
    await uploadEvidence(page, 'ke-hoach-cchc-2026.pdf', 'Ke hoach CCHC nam 2026');

    await openLeaf(page, '1.2', 'Báo cáo CCHC định kỳ');
    await page.getByLabel('Số báo cáo/nhiệm vụ đúng hạn (cần 4)').fill('4');
    await page.getByRole('button', { name: 'Lưu tiêu chí 1.2' }).click();
    await saved(page, 'Đã lưu tiêu chí 1.2');
    await uploadEvidence(page, 'bao-cao-cchc-2026.pdf', 'Bao cao CCHC nam 2026');

    await openLeaf(page, '2.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    await page.getByLabel('Tử số (đạt)').fill('574');
    await page.getByLabel('Mẫu số (tổng)').fill('596');
    // The same core as the server's, in the browser, as the officer types.
    await expect(page.getByText(/Điểm tạm tính: .*574\/596 = 96,31%.*0,95\/1/)).toBeVisible();
    await shot(page, testInfo, 'can-bo-diem-tam-tinh');
    await page.getByRole('button', { name: 'Lưu tiêu chí 2.1' }).click();
    await saved(page, 'Đã lưu tiêu chí 2.1');
    // The yearly report already uploaded for 1.2 proves 2.1 too, on its page 5.
    await choose(page, 'Dùng lại tệp đã tải lên', 'bao-cao-cchc-2026.pdf');
    const pageRef = page.getByLabel('Trang hoặc mục trong bao-cao-cchc-2026.pdf');
    await pageRef.fill('tr. 5, mục III');
    await pageRef.press('Tab');
    await expect(
      page.getByText(
        'Không có tiêu chí nào có điểm mà thiếu cả tài liệu kiểm chứng lẫn giải trình.',
      ),
    ).toBeVisible();
    await expect(page.getByText(/Tự chấm: 3,95\/4/)).toBeVisible();
    // Only the head submits.
    await expect(
      page.getByRole('button', { name: 'Thủ trưởng gửi kết quả tự đánh giá' }),
    ).toHaveCount(0);
    // The unit prints its own report as a draft to sign before the head sends it.
    const draftReport = page.getByRole('link', { name: 'Tải dự thảo báo cáo tự đánh giá (.docx)' });
    await expect(draftReport).toBeVisible();
    const draft = await page.request.get((await draftReport.getAttribute('href')) ?? '');
    expect(draft.status()).toBe(200);
    expect(draft.headers()['content-disposition']).toContain('bao-cao-tu-danh-gia-SNV-');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, testInfo, 'can-bo-kiem-tra-truoc-khi-gui');
    await page.context().close();
  });

  await test.step('the head submits, from a tablet', async () => {
    const page = await signIn(browser, 'tt.snv', PASSWORD, TABLET);
    await expectFitsScreen(page);
    await page.getByRole('link', { name: 'Tự đánh giá' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sở Nội vụ' })).toBeVisible();
    await expectFitsScreen(page);
    await page.getByRole('button', { name: 'Thủ trưởng gửi kết quả tự đánh giá' }).click();
    // The dialog says what will happen; focus is on Hủy, so an Enter out of habit cancels.
    const dialog = page.getByRole('dialog', { name: 'Gửi kết quả tự đánh giá của Sở Nội vụ?' });
    await expect(dialog).toContainText('tiêu chí đã chấm, tự chấm 3,95/4 điểm');
    await expect(dialog).toContainText(
      'chỉ bổ sung được những tiêu chí mà Tổ thẩm định gửi trả lại',
    );
    await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
    await shot(page, testInfo, 'thu-truong-xac-nhan-gui');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Đang tự đánh giá').first()).toBeVisible();
    await page.getByRole('button', { name: 'Thủ trưởng gửi kết quả tự đánh giá' }).click();
    await dialog.getByRole('button', { name: 'Gửi kết quả tự đánh giá' }).click();
    await saved(page, 'Đã gửi kết quả tự đánh giá');
    await expect(page.getByText('Đã gửi, chờ thẩm định').first()).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Tải báo cáo tự đánh giá đã gửi (.docx)' }),
    ).toBeVisible();
    await shot(page, testInfo, 'thu-truong-da-gui');
    await page.context().close();
  });

  await test.step('the appraiser appraises and sends one leaf back', async () => {
    const page = await signIn(browser, 'td1');
    await expect(page.getByText('Đơn vị được phân công thẩm định')).toBeVisible();
    await shot(page, testInfo, 'tham-dinh-hang-doi');
    await page.getByRole('link', { name: 'Sở Nội vụ' }).click();
    await expect(page.getByRole('heading', { name: 'Thẩm định: Sở Nội vụ' })).toBeVisible();
    // The evidence is shown in place, next to the self-score.
    await expect(page.locator('iframe[title="Tài liệu ke-hoach-cchc-2026.pdf"]')).toBeVisible();
    await page.getByRole('button', { name: 'Chấp nhận và sang tiêu chí sau' }).click();
    await saved(page, 'Đã chấp nhận kết quả tự đánh giá 1.1');
    // Accepting moves on to the next leaf; 1.2 goes back for a supplement.
    await expect(page.getByRole('heading', { name: /^1\.2\. Báo cáo CCHC định kỳ/ })).toBeVisible();
    await page.getByLabel('Hạn bổ sung').fill('14/01/2027 17:00');
    await page
      .getByLabel('Nội dung cần bổ sung')
      .fill('Bổ sung báo cáo CCHC quý IV có chữ ký, đóng dấu.');
    await page.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await saved(page, 'Đã yêu cầu bổ sung 1.2');
    // j goes to the next leaf without touching the mouse.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { name: /^2\.1\. Tỷ lệ hồ sơ TTHC/ })).toBeVisible();
    await page.getByLabel('Chấm điểm trực tiếp').check();
    await page.getByLabel('Điểm thẩm định').fill('0,5');
    // The working is shown as typed, reason included, before anything is saved.
    await expect(page.getByText('Kết quả: Thẩm định 0,5/1')).toBeVisible();
    await page
      .getByLabel('Nhận xét')
      .fill('Số liệu chưa khớp với báo cáo của Trung tâm Phục vụ hành chính công.');
    await page.getByLabel('Nhận xét').press('Control+Enter');
    await saved(page, 'Đã lưu kết quả thẩm định 2.1');
    // The unit's report as sent sits beside the draft record.
    await expect(
      page.getByRole('link', { name: 'Tải báo cáo tự đánh giá đã gửi (.docx)' }),
    ).toBeVisible();
    await shot(page, testInfo, 'tham-dinh-ben-canh-tai-lieu');
    await expect(
      page.getByRole('link', { name: 'Tải dự thảo biên bản thẩm định (.docx)' }),
    ).toBeVisible();
    await page.context().close();
  });

  await test.step('the officer supplements the leaf sent back', async () => {
    const page = await signIn(browser, 'cb.snv');
    // The home says what needs the officer now: the leaf sent back, with its deadline.
    const tasks = page.getByRole('region', { name: 'Việc cần làm' });
    await expect(tasks).toContainText('Bổ sung tiêu chí 1.2 trước 14/01/2027 17:00');
    await expect(tasks).toContainText('Bổ sung báo cáo CCHC quý IV có chữ ký, đóng dấu.');
    // The self-assessment window is open for others, not for a unit that has submitted.
    const selfRow = page
      .getByRole('table', { name: 'Thời gian các bước' })
      .getByRole('row')
      .filter({ hasText: 'Tự đánh giá, tải tài liệu kiểm chứng' });
    await expect(selfRow).toContainText('Đơn vị đã gửi ngày 12/01/2027');
    await expect(selfRow).not.toContainText('Đang mở');
    await shot(page, testInfo, 'can-bo-viec-can-lam');
    await page.getByRole('link', { name: 'Mở tiêu chí 1.2 để bổ sung' }).click();
    await openLeaf(page, '1.2', 'Báo cáo CCHC định kỳ');
    await expect(
      page.getByText('Tổ thẩm định yêu cầu bổ sung trước 14/01/2027 17:00'),
    ).toBeVisible();
    await dropEvidence(page, 'bao-cao-quy-iv.pdf', 'Bao cao CCHC quy IV nam 2026');
    await shot(page, testInfo, 'can-bo-bo-sung');
    await page.context().close();
  });

  await test.step('the appraiser closes the first round', async () => {
    const page = await signIn(browser, 'td1');
    await page.goto(`/ky-danh-gia/${periodId}/tham-dinh/SNV?tc=1.2`);
    // The supplement is one of the leaf's files; the appraiser switches to it.
    await page.getByRole('radiogroup').getByText('bao-cao-quy-iv.pdf').click();
    await expect(page.getByRole('link', { name: 'bao-cao-quy-iv.pdf' })).toBeVisible();
    await expect(page.locator('iframe[title="Tài liệu bao-cao-quy-iv.pdf"]')).toBeVisible();
    await page.getByRole('button', { name: 'Chấp nhận và sang tiêu chí sau' }).click();
    await saved(page, 'Đã chấp nhận kết quả tự đánh giá 1.2');
    // Closing the round asks first and says what happens to the leaves nobody decided.
    await page.getByRole('button', { name: 'Chốt vòng thẩm định' }).click();
    const dialog = page.getByRole('dialog', { name: /Chốt vòng thẩm định/ });
    // Every leaf of this unit was decided; the supplement request still open is closed.
    await expect(dialog.getByText('Mọi tiêu chí đã có kết quả thẩm định.')).toBeVisible();
    await expect(dialog.getByText('1 yêu cầu bổ sung đang mở sẽ được đóng.')).toBeVisible();
    await expect(dialog.getByText(/Không thể hoàn tác/)).toBeVisible();
    await shot(page, testInfo, 'tham-dinh-xac-nhan-chot');
    await dialog.getByRole('button', { name: 'Chốt vòng thẩm định' }).click();
    await saved(page, 'Đã chốt vòng thẩm định');
    await expect(page.getByText(/Đã thẩm định, giải trình/)).toBeVisible();
    await page.context().close();
  });

  await test.step('the officer explains the disputed leaf', async () => {
    const page = await signIn(browser, 'cb.snv');
    await expect(page.getByText('Điểm thẩm định', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Xem thẩm định và giải trình' }).click();
    await openLeaf(page, '2.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    await expect(
      page.getByText('Kết quả thẩm định: Chấm điểm trực tiếp — khác kết quả tự đánh giá'),
    ).toBeVisible();
    await expect(page.getByText(/^Thẩm định 0,5\/1: Số liệu chưa khớp/)).toBeVisible();
    await page
      .getByLabel('Giải trình ý kiến thẩm định')
      .fill(
        'Số liệu 574/596 lấy từ Hệ thống thông tin giải quyết TTHC của tỉnh, trang 5 báo cáo năm.',
      );
    await page.getByRole('button', { name: 'Gửi giải trình' }).click();
    await saved(page, 'Đã gửi giải trình');
    await shot(page, testInfo, 'can-bo-giai-trinh');
    // The appraisal record is the unit's to download now that the first round is sent to it.
    const record = page.getByRole('link', { name: 'Tải biên bản thẩm định (.docx)' });
    await expect(record).toBeVisible();
    const download = await page.request.get((await record.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('bien-ban-tham-dinh-SNV-');
    await page.context().close();
  });

  await test.step('the appraiser accepts the explanation and finalises', async () => {
    const page = await signIn(browser, 'td1');
    await page.goto(`/ky-danh-gia/${periodId}/tham-dinh/SNV?tc=2.1`);
    await expect(
      page.getByText(/Đơn vị giải trình ý kiến thẩm định: Số liệu 574\/596/),
    ).toBeVisible();
    await page.getByLabel('Chấp nhận kết quả tự đánh giá').check();
    await page.getByLabel('Nhận xét').fill('Chấp nhận giải trình.');
    await page.getByRole('button', { name: 'Lưu và sang tiêu chí sau' }).click();
    await saved(page, 'Đã lưu kết quả thẩm định 2.1');
    await page.getByRole('button', { name: 'Chốt kết quả sau giải trình' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Chốt kết quả sau giải trình' })
      .click();
    await saved(page, 'Đã chốt kết quả thẩm định');
    await shot(page, testInfo, 'tham-dinh-chot');
    await page.context().close();
  });

  await runSecondDepartment(periodId, 'finalise');

  await test.step('the council approves', async () => {
    const page = await signIn(browser, 'hd1');
    // The council sees every open period (another journey's district among them): this one's.
    await page
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { level: 3, name: PERIOD_NAME, exact: true }) })
      .getByRole('link', { name: 'Mở kỳ đánh giá' })
      .click();
    await expect(page.getByRole('heading', { name: 'Hội đồng thông qua kết quả' })).toBeVisible();
    await page.getByLabel('Số quyết định').fill('12/QĐ-HĐĐG');
    await page.getByLabel('Ngày quyết định').fill('12/01/2027');
    await page.getByRole('button', { name: 'Thông qua kết quả' }).click();
    const dialog = page.getByRole('dialog', { name: `Thông qua kết quả ${PERIOD_NAME}?` });
    await expect(dialog).toContainText('kết quả của 2 đơn vị theo Quyết định số 12/QĐ-HĐĐG');
    await expect(dialog).toContainText('các phiếu khảo sát của kỳ ngừng nhận trả lời');
    await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
    await shot(page, testInfo, 'hoi-dong-xac-nhan');
    await dialog.getByRole('button', { name: 'Thông qua kết quả' }).click();
    await saved(page, 'Hội đồng đã thông qua kết quả');
    await expect(
      page.getByText('Hội đồng đã thông qua — Quyết định 12/QĐ-HĐĐG ngày 12/01/2027'),
    ).toBeVisible();
    await shot(page, testInfo, 'hoi-dong-thong-qua');
    // The decision to sign: a draft of the computed results until it is published.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/ket-qua/${periodId}`);
    const decision = page.getByRole('link', { name: 'Quyết định công bố — dự thảo (.docx)' });
    await expect(decision).toBeVisible();
    const file = await page.request.get((await decision.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toContain('quyet-dinh-cong-bo-chi-so-cchc-');
    await shot(page, testInfo, 'hoi-dong-quyet-dinh-du-thao');
    await page.context().close();
  });

  await test.step('the administrator publishes', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/ky-danh-gia/${periodId}`);
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Công bố kết quả ${PERIOD_NAME}?` });
    await expect(dialog).toContainText('Xếp hạng và điểm của 2 đơn vị được công khai');
    await expect(dialog).toContainText('không sửa và không rút lại được');
    await shot(page, testInfo, 'quan-tri-xac-nhan-cong-bo');
    await dialog.getByRole('button', { name: 'Công bố kết quả' }).click();
    await saved(page, 'Đã công bố kết quả');
    await expect(
      page.getByText('Đã công bố — Quyết định 12/QĐ-HĐĐG ngày 12/01/2027'),
    ).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/ket-qua/${periodId}`);
    await expect(page.getByRole('link', { name: 'Quyết định công bố (.docx)' })).toBeVisible();
    await shot(page, testInfo, 'quan-tri-quyet-dinh-cong-bo');
    await page.context().close();
  });

  await test.step('the administrator writes the results report and downloads it', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/ket-qua/${periodId}`);
    await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await expect(page.getByText('Theo kết quả đã công bố (lần 1)')).toBeVisible();
    await page.getByLabel('Cơ quan ban hành').fill('UBND TỈNH HẢI DƯƠNG');
    await page.getByLabel('Ưu điểm').fill('Các sở đã ban hành kế hoạch CCHC đúng hạn.');
    await page.getByRole('button', { name: 'Lưu nội dung báo cáo' }).click();
    await saved(page, 'Đã lưu nội dung báo cáo');
    // The preview words the text as the document will.
    await expect(
      page.locator('p').filter({ hasText: 'Các sở đã ban hành kế hoạch CCHC đúng hạn.' }),
    ).toBeVisible();
    await shot(page, testInfo, 'quan-tri-bao-cao-ket-qua');
    const href = await page
      .getByRole('link', { name: 'Báo cáo kèm phụ lục (.docx)' })
      .getAttribute('href');
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('bao-cao-ket-qua-chi-so-cchc-');
    await page.context().close();
  });

  await test.step('the public sees the ranking', async () => {
    const page = await openAnonymous(browser);
    // A visitor without an account asks for nothing answered 401 or 403, and no error is logged.
    const trouble = watchTrouble(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Xem kết quả đã công bố' }).click();
    // Other journeys publish periods of their own: this period's row.
    await expect(page.getByRole('row').filter({ hasText: PERIOD_NAME })).toContainText(
      'Công bố ngày 12/01/2027',
    );
    await page.getByRole('link', { name: PERIOD_NAME }).click();
    const ranking = page.getByRole('table', { name: 'Xếp hạng Sở, ban, ngành' });
    const rows = ranking.getByRole('row');
    // Sở Nội vụ 3,95/4 after the explanation; Sở Y tế 1 + 1,5 + 1 = 3,5 (late plan, three reports).
    await expect(rows.nth(1)).toContainText('Sở Nội vụ');
    await expect(rows.nth(1)).toContainText('3,95');
    await expect(rows.nth(1)).toContainText('98,75%');
    await expect(rows.nth(2)).toContainText('Sở Y tế');
    await expect(rows.nth(2)).toContainText('3');
    await expect(page.getByRole('table', { name: 'Bản đồ nhiệt Sở, ban, ngành' })).toBeVisible();
    await shot(page, testInfo, 'cong-chung-xep-hang');
    await ranking.getByRole('link', { name: 'Sở Y tế' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sở Y tế' })).toBeVisible();
    await shot(page, testInfo, 'cong-chung-don-vi');
    trouble.expectClean();
    await page.context().close();
  });

  await test.step('the administrator corrects a published leaf and issues an erratum', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/ky-danh-gia/${periodId}`);
    const panel = page
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { name: 'Đính chính kết quả đã công bố' }) });
    await expect(
      panel.getByText('Chưa có thay đổi: tính lại kết quả giống bản đang có hiệu lực.'),
    ).toBeVisible();
    await panel.getByRole('combobox', { name: 'Đơn vị' }).click();
    await page.getByRole('option', { name: 'Sở Y tế' }).click();
    await panel.getByRole('combobox', { name: 'Tiêu chí' }).click();
    await page.getByRole('option', { name: /^1\.1\. Ban hành kế hoạch CCHC năm/ }).click();
    await panel.getByLabel('Chấm điểm trực tiếp').check();
    await panel.getByLabel('Điểm thẩm định').fill('1');
    await panel
      .getByLabel('Lý do sửa')
      .fill('Kế hoạch ban hành ngày 20/01/2026, bản chụp bị thiếu khi thẩm định');
    await panel.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await saved(page, /Đã sửa tiêu chí 1\.1 của Sở Y tế/);
    // The preview lists what the erratum changes before anything is published.
    const changes = panel.getByRole('table');
    await expect(changes).toContainText('Sở Y tế');
    await expect(changes).toContainText('1.1: 0,5 → 1');
    await panel.getByLabel('Số quyết định đính chính').fill('20/QĐ-UBND');
    await panel.getByLabel('Ngày quyết định').fill('12/01/2027');
    await panel.getByLabel('Lý do đính chính').fill('Đính chính điểm tiêu chí 1.1 của Sở Y tế');
    await panel.getByRole('button', { name: 'Ban hành đính chính' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành đính chính kết quả?' });
    await expect(dialog).toContainText('Kết quả của 1 đơn vị thay đổi');
    await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
    await shot(page, testInfo, 'quan-tri-dinh-chinh');
    await dialog.getByRole('button', { name: 'Ban hành đính chính' }).click();
    await saved(page, 'Đã ban hành đính chính lần 1: 1 đơn vị thay đổi');
    await page.context().close();
  });

  await test.step('the public reads the corrected ranking, and the first one marked superseded', async () => {
    const page = await openAnonymous(browser);
    await page.goto(`/ket-qua/${periodId}`);
    await expect(page.getByText(/^Đính chính lần 1 theo Quyết định số 20\/QĐ-UBND/)).toBeVisible();
    const ranking = page.getByRole('table', { name: 'Xếp hạng Sở, ban, ngành' });
    await expect(ranking.getByRole('row').nth(2)).toContainText('3,5/4');
    await page
      .getByRole('link', { name: /^Công bố lần đầu \(số 12\/QĐ-HĐĐG, đã thay thế\)/ })
      .click();
    await expect(page.getByText('Bản này đã được đính chính, không còn hiệu lực')).toBeVisible();
    await expect(ranking.getByRole('row').nth(2)).toContainText('3/4');
    await shot(page, testInfo, 'cong-chung-ban-da-thay-the');
    await page.getByRole('link', { name: 'Xem bản đang có hiệu lực' }).click();
    await ranking.getByRole('link', { name: 'Sở Y tế' }).click();
    // Every leaf says why: the correction's reason beside what the unit assessed.
    const leaves = page
      .getByRole('table')
      .filter({ hasText: 'Điểm từng tiêu chí' })
      .or(page.getByRole('table').filter({ hasText: 'Tự đánh giá' }));
    await expect(leaves.first()).toContainText('Thẩm định 1/1: Kế hoạch ban hành ngày 20/01/2026');
    await expect(leaves.first()).toContainText('0,5/1');
    await shot(page, testInfo, 'cong-chung-tung-tieu-chi');
    await page.context().close();
  });

  await test.step('and on a phone, with the menu behind its button', async () => {
    const page = await openAnonymous(browser, PHONE);
    await page.goto('/');
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kết quả' })
      .click();
    await page.getByRole('link', { name: PERIOD_NAME }).click();
    const ranking = page.getByRole('table', { name: 'Xếp hạng Sở, ban, ngành' });
    const first = ranking.getByRole('row').nth(1);
    await expect(first).toContainText('Sở Nội vụ');
    // Band and head rating stay on screen, without scrolling sideways.
    await expect(first).toContainText('98,75%');
    await expect(first).toContainText('Từ 90% trở lên');
    const last = await first.getByRole('cell').last().boundingBox();
    expect(last, 'ô chỉ số, nhóm, người đứng đầu').not.toBeNull();
    expect(last!.x + last!.width).toBeLessThanOrEqual(PHONE.width);
    await expectFitsScreen(page);
    await shot(page, testInfo, 'dien-thoai-xep-hang');
    await page.context().close();
  });
});
