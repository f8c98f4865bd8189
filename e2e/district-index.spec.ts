import { expect, test, type Page } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN, PASSWORD } from './support/constants';
import {
  DISTRICT_ACCOUNTS,
  DISTRICT_APPRAISER,
  DISTRICT_UNITS,
  importFramework,
  selfAssess,
} from './support/district';
import { COMMUNE_FRAMEWORK, pdf, PROVINCE_DISTRICT_FRAMEWORK, xlsx } from './support/files';
import { saved, shot, signIn } from './support/ui';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FRAMEWORK = 'Bộ chỉ số cấp xã huyện Nam Sách năm 2026';
const PERIOD = 'Chỉ số CCHC các xã huyện Nam Sách năm 2026';
const PROVINCE_PERIOD = 'Chỉ số CCHC các huyện Nam Sách, Kim Thành năm 2026';
const SIBLING_PERIOD = 'Chỉ số CCHC các xã huyện Kim Thành năm 2026';
const OPENS = '01/01/2027 00:00';
const CLOSES = '31/01/2027 24:00';
const KINDS = ['selfAssessment', 'appraisal', 'explanation', 'council', 'publication'] as const;
const WINDOWS = Object.fromEntries(KINDS.map((k) => [k, { opensAt: OPENS, closesAt: CLOSES }]));
const WINDOW_LABELS = [
  'Tự đánh giá, tải tài liệu kiểm chứng',
  'Thẩm định',
  'Giải trình',
  'Hội đồng xem xét, thông qua',
  'Công bố',
];
const REFUSED = 'Kỳ đánh giá này không do cơ quan thường trực của bạn hoặc cấp dưới tổ chức';

async function periodsListed(page: Page): Promise<string> {
  await page.goto('/ky-danh-gia');
  await expect(page.getByRole('heading', { level: 2, name: 'Kỳ đánh giá' })).toBeVisible();
  return page.locator('main').innerText();
}

test('a district secretariat runs its communes’ index to publication; it feeds the province’s 8.3', async ({
  browser,
}, testInfo) => {
  let provincePeriod = '';
  let periodId = '';

  await test.step('the province arranges the districts, their people and its own period', async () => {
    const admin = await Api.signIn(ADMIN.username, ADMIN.password);
    for (const { id, ...unit } of DISTRICT_UNITS) await admin.send('PUT', `/units/${id}`, unit);
    for (const account of DISTRICT_ACCOUNTS)
      await admin.send('POST', '/users', { ...account, password: PASSWORD });
    const huyen = await importFramework(
      admin,
      'Bộ chỉ số cấp huyện (8.3 từ kết quả xã) năm 2026',
      'huyen',
      PROVINCE_DISTRICT_FRAMEWORK,
    );
    const period = await admin.send('POST', '/periods', {
      name: PROVINCE_PERIOD,
      year: 2026,
      frameworks: { huyen },
      unitIds: ['HNS', 'HKT'],
      windows: WINDOWS,
    });
    provincePeriod = String(period.id);
    await admin.dispose();
    // Kim Thành runs its own communes' period beside Nam Sách's.
    const sibling = await Api.signIn('qt.hkt', PASSWORD);
    const xa = await importFramework(
      sibling,
      'Bộ chỉ số cấp xã huyện Kim Thành năm 2026',
      'xa',
      COMMUNE_FRAMEWORK,
    );
    await sibling.send('POST', '/periods', {
      name: SIBLING_PERIOD,
      year: 2026,
      frameworks: { xa },
      windows: WINDOWS,
    });
    await sibling.dispose();
  });

  await test.step('the district administrator imports its communes’ framework and opens its period', async () => {
    const page = await signIn(browser, 'qt.hns');
    // The province's own pages (its overviews, the job queue) are not offered to a district.
    const menu = page.getByRole('navigation', { name: 'Danh mục chính' });
    await expect(menu.getByRole('link', { name: 'Kỳ đánh giá' })).toBeVisible();
    for (const name of ['Công việc nền', 'Nhiệm vụ các đơn vị', 'Kế hoạch cải thiện'])
      await expect(menu.getByRole('link', { name })).toHaveCount(0);
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Bộ chỉ số' })
      .click();
    await page.getByLabel('Tên bộ chỉ số').fill(FRAMEWORK);
    await page.getByRole('textbox', { name: 'Năm' }).fill('2026');
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
    await page.getByRole('option', { name: 'UBND xã', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'bo-chi-so-xa-2026.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('Bộ chỉ số', COMMUNE_FRAMEWORK),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect(
      page.getByText(/Sẽ tạo 4 mục \(2 tiêu chí chấm điểm\), tổng 3 điểm/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await expect(page.getByRole('heading', { level: 2, name: FRAMEWORK })).toBeVisible();
    await shot(page, testInfo, 'huyen-bo-chi-so-xa');

    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kỳ đánh giá' })
      .click();
    await expect(page.getByRole('heading', { name: 'Mở kỳ đánh giá mới' })).toBeVisible();
    await page.getByLabel('Tên kỳ đánh giá').fill(PERIOD);
    await page.getByLabel('Năm đánh giá').fill('2026');
    await page
      .getByRole('textbox', { name: 'UBND xã' })
      .or(page.getByRole('combobox', { name: 'UBND xã' }))
      .first()
      .click();
    await page.getByRole('option', { name: `${FRAMEWORK} (2026)` }).click();
    for (const window of WINDOW_LABELS) {
      await page.getByLabel(`${window} — bắt đầu`).fill(OPENS);
      await page.getByLabel(`${window} — kết thúc`).fill(CLOSES);
    }
    await expect(page.getByText('UBND xã: 2/2 đơn vị tham gia')).toBeVisible();
    await shot(page, testInfo, 'huyen-mo-ky');
    await page.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await expect(page.getByRole('heading', { level: 2, name: PERIOD })).toBeVisible();
    periodId = new URL(page.url()).pathname.split('/').pop()!;
    const units = page.getByRole('table', { name: 'Đơn vị tham gia' });
    await expect(units).toContainText('UBND xã An Lâm');
    await expect(units).toContainText('UBND xã An Sơn');
    for (const unit of ['UBND xã An Lâm', 'UBND xã An Sơn']) {
      await page
        .getByRole('textbox', { name: `Thành viên thẩm định ${unit}` })
        .or(page.getByRole('combobox', { name: `Thành viên thẩm định ${unit}` }))
        .first()
        .click();
      await page.getByRole('option', { name: DISTRICT_APPRAISER }).click();
      await saved(page, `Đã phân công thẩm định ${unit}`);
      await page.keyboard.press('Escape');
    }
    await shot(page, testInfo, 'huyen-phan-cong');

    // Its own period only: neither the province's nor its sibling's, not even by address.
    const listed = await periodsListed(page);
    expect(listed).toContain(PERIOD);
    expect(listed).not.toContain(PROVINCE_PERIOD);
    expect(listed).not.toContain(SIBLING_PERIOD);
    await page.goto(`/ky-danh-gia/${provincePeriod}`);
    await expect(page.getByText(REFUSED)).toBeVisible();
    await shot(page, testInfo, 'huyen-khong-xem-ky-cua-tinh');
    await page.context().close();
  });

  await test.step('An Lâm’s officer self-assesses in the browser; both communes submit', async () => {
    const page = await signIn(browser, 'cb.xal');
    await expect(page.getByRole('heading', { name: PERIOD })).toBeVisible();
    await page.getByRole('link', { name: 'Tự đánh giá' }).click();
    await page
      .getByRole('navigation', { name: /tiêu chí/ })
      .getByText('1.1 Báo cáo CCHC định kỳ')
      .click();
    await page.getByLabel('Số báo cáo/nhiệm vụ đúng hạn (cần 4)').fill('4');
    await page.getByRole('button', { name: 'Lưu tiêu chí 1.1' }).click();
    await saved(page, 'Đã lưu tiêu chí 1.1');
    await page.locator('input[type=file]').setInputFiles({
      name: 'bao-cao-cchc-xa.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('Bao cao CCHC xa An Lam'),
    });
    await saved(page, 'Đã tải lên "bao-cao-cchc-xa.pdf"');
    await shot(page, testInfo, 'xa-tu-danh-gia');
    await page.context().close();
    await selfAssess(periodId, 'XAL', { '2.1': { numerator: 574, denominator: 596 } });
    await selfAssess(periodId, 'XAS', {
      '1.1': { onTime: 3 },
      '2.1': { numerator: 1200, denominator: 1200 },
    });
  });

  await test.step('the district’s appraiser appraises An Lâm in the browser', async () => {
    const page = await signIn(browser, 'td.hns');
    await expect(page.getByText('Đơn vị được phân công thẩm định')).toBeVisible();
    await page.getByRole('link', { name: 'UBND xã An Lâm' }).first().click();
    await expect(page.getByRole('heading', { name: 'Thẩm định: UBND xã An Lâm' })).toBeVisible();
    await page.getByRole('button', { name: 'Chấp nhận và sang tiêu chí sau' }).click();
    await saved(page, 'Đã chấp nhận kết quả tự đánh giá 1.1');
    await page.getByRole('button', { name: 'Chấp nhận và sang tiêu chí sau' }).click();
    await saved(page, 'Đã chấp nhận kết quả tự đánh giá 2.1');
    await page.getByRole('button', { name: 'Chốt vòng thẩm định' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt vòng thẩm định' }).click();
    await saved(page, 'Đã chốt vòng thẩm định');
    await shot(page, testInfo, 'huyen-tham-dinh');
    await page.context().close();
    const appraiser = await Api.signIn('td.hns', PASSWORD);
    await appraiser.send('POST', `/periods/${periodId}/units/XAL/finalise`);
    for (let round = 0; round < 2; round++)
      await appraiser.send('POST', `/periods/${periodId}/units/XAS/finalise`);
    await appraiser.dispose();
  });

  await test.step('the district’s council approves and its administrator publishes', async () => {
    const council = await signIn(browser, 'hd.hns');
    await council.goto(`/ky-danh-gia/${periodId}`);
    await expect(
      council.getByRole('heading', { name: 'Hội đồng thông qua kết quả' }),
    ).toBeVisible();
    await council.getByLabel('Số quyết định').fill('05/QĐ-HĐĐG');
    await council.getByLabel('Ngày quyết định').fill('12/01/2027');
    await council.getByRole('button', { name: 'Thông qua kết quả' }).click();
    await council.getByRole('dialog').getByRole('button', { name: 'Thông qua kết quả' }).click();
    await saved(council, 'Hội đồng đã thông qua kết quả');
    await shot(council, testInfo, 'huyen-hoi-dong');
    await council.context().close();

    const admin = await signIn(browser, 'qt.hns');
    await admin.goto(`/ky-danh-gia/${periodId}`);
    await admin.getByRole('button', { name: 'Công bố', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: `Công bố kết quả ${PERIOD}?` });
    await expect(dialog).toContainText('Xếp hạng và điểm của 2 đơn vị được công khai');
    await dialog.getByRole('button', { name: 'Công bố kết quả' }).click();
    await saved(admin, 'Đã công bố kết quả');
    await shot(admin, testInfo, 'huyen-cong-bo');
    await admin.context().close();
  });

  await test.step('the province’s period shows Nam Sách’s 8.3 fed by its communes', async () => {
    const page = await signIn(browser, 'cb.hns');
    await page.goto(`/ky-danh-gia/${provincePeriod}/don-vi/HNS`);
    const leaves = page.getByRole('navigation', { name: /tiêu chí/ });
    await leaves.getByText(/^8\.3 /).click();
    // The fed leaf shows its points in the list of leaves, not "chưa chấm".
    await expect(
      leaves.locator('.mantine-NavLink-root').filter({ hasText: '8.3 Kết quả' }).last(),
    ).toContainText('1,36');
    const fed = page.getByRole('table', { name: 'Kết quả của các đơn vị cấp dưới' });
    await expect(fed).toContainText('UBND xã An Lâm');
    await expect(fed).toContainText('UBND xã An Sơn');
    await expect(fed).toContainText('98,33');
    await expect(fed).toContainText('83,33');
    await expect(page.getByText(/Điểm của tiêu chí: 1,36/)).toBeVisible();
    await shot(page, testInfo, 'huyen-8-3-tu-ket-qua-xa');
    await page.context().close();

    const province = await signIn(browser, ADMIN.username, ADMIN.password);
    const listed = await periodsListed(province);
    for (const name of [PROVINCE_PERIOD, PERIOD, SIBLING_PERIOD]) expect(listed).toContain(name);
    await shot(province, testInfo, 'tinh-thay-ca-hai-huyen');
    await province.context().close();
  });
});
