import { expect, test, type Page } from '@playwright/test';
import { ADMIN, FRAMEWORK_NAME } from './support/constants';
import { saved, shot, signIn } from './support/ui';

const COPY_NAME = 'Bộ chỉ số sở, ban, ngành năm 2027';

async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).click();
}

test('the administrator copies the framework to 2027, reviews the moved dates, maps a renumbered code and confirms', async ({
  browser,
}, testInfo) => {
  const page = await signIn(browser, ADMIN.username, ADMIN.password);

  await test.step('the copy moves 31/01/2026 to 31/01/2027 and waits for review', async () => {
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Bộ chỉ số' })
      .click();
    await page.getByRole('link', { name: FRAMEWORK_NAME }).click();
    await expect(page.getByRole('heading', { level: 2, name: FRAMEWORK_NAME })).toBeVisible();
    await expect(page.getByLabel('Sao chép sang năm')).toHaveValue('2027');
    await page.getByRole('button', { name: 'Sao chép', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: COPY_NAME })).toBeVisible();
    await expect(page.getByText('Chưa rà soát').first()).toBeVisible();
    const moved = page.getByRole('table', { name: 'Các ngày đã dời' });
    await expect(moved.getByRole('row').filter({ hasText: '1.1' })).toContainText(
      /Hạn hoàn thành\s*31\/01\/2026\s*31\/01\/2027/,
    );
    const checks = page.getByRole('table', { name: 'Các mục cần kiểm tra' });
    await expect(checks).toContainText('Kế hoạch CCHC năm 2026');
    await expect(checks).toContainText('Ban hành trước 31/01/2026');
    await expect(page.getByRole('table', { name: 'Cây bộ chỉ số' })).toContainText(
      'Đúng hạn (31/01/2027): 1 điểm; chậm: 0,5 điểm',
    );
    await shot(page, testInfo, 'ban-sao-chua-ra-soat');
  });
  const copyUrl = page.url();

  await test.step('a period cannot use the copy yet; the refusal links the review', async () => {
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kỳ đánh giá' })
      .click();
    await choose(page, 'Sở, ban, ngành', `${COPY_NAME} (2027) — chưa rà soát`);
    await page.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'Kỳ đánh giá không hợp lệ' });
    await expect(error).toContainText('chưa được rà soát');
    await shot(page, testInfo, 'mo-ky-bi-tu-choi');
    await page.getByRole('link', { name: `Rà soát “${COPY_NAME}”` }).click();
    await expect(page).toHaveURL(copyUrl);
  });

  await test.step('the guidance gets its new date, and 1.2 becomes 1.3', async () => {
    await page.getByRole('button', { name: 'Sửa mục 1.1 (cần kiểm tra)' }).first().click();
    const guidance = page.getByLabel('Hướng dẫn chấm điểm');
    await guidance.fill('Ban hành trước 31/01/2027: đủ điểm; ban hành chậm: 0,5 điểm.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved(page, 'Đã lưu mục 1.1');
    await page.getByRole('button', { name: 'Sửa mục 1.2' }).click();
    await page.getByLabel('Mã', { exact: true }).fill('1.3');
    await page.getByRole('button', { name: 'Đổi mã' }).click();
    await saved(page, 'Đã đổi mã 1.2 thành 1.3');
    await expect(
      page
        .getByRole('table', { name: 'Cây bộ chỉ số' })
        .getByRole('row')
        .filter({ hasText: 'Báo cáo CCHC định kỳ' }),
    ).toContainText('1.3');
  });

  await test.step('the code map is checked as typed and saved', async () => {
    const map = page.getByRole('table', { name: 'Bảng đối chiếu mã' });
    const rowTo = (prefix: string) =>
      map.getByRole('row').filter({ has: page.locator(`input[value^="${prefix} "]`) });
    // Renumbering in the tree carried last year's 1.2 over to 1.3.
    await expect(rowTo('1.3')).toContainText('Đổi mã số');
    const line = (await rowTo('1.3').getByRole('cell').first().innerText()).trim();
    // Mapping last year's 1.2 onto 1.1 would be a merge, shown at once…
    await choose(page, `Mã năm 2027, dòng ${line}`, '1.1 — Ban hành kế hoạch CCHC năm');
    await expect(map.getByText('Gộp')).toHaveCount(2);
    await expect(
      page.getByText('Khi lưu, các mã chưa ghi trong bảng được thêm: — → 1.3 (mới).'),
    ).toBeVisible();
    await shot(page, testInfo, 'doi-chieu-ma-dang-sua');
    // …the administrator maps it to the renumbered 1.3 and saves.
    await choose(page, `Mã năm 2027, dòng ${line}`, '1.3 — Báo cáo CCHC định kỳ');
    await expect(rowTo('1.3')).toContainText('Đổi mã số');
    await page.getByRole('button', { name: 'Lưu bảng đối chiếu' }).click();
    await saved(page, 'Đã lưu bảng đối chiếu mã');
  });

  await test.step('the administrator confirms the review; the copy can now open a period', async () => {
    await page.getByRole('button', { name: 'Xác nhận đã rà soát' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await saved(page, 'Đã xác nhận rà soát');
    await expect(page.getByText('Đã rà soát', { exact: true })).toBeVisible();
    await expect(page.getByText(/Đã xác nhận rà soát lúc 12\/01\/2027/)).toBeVisible();
    await shot(page, testInfo, 'da-ra-soat');
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kỳ đánh giá' })
      .click();
    await page.getByRole('combobox', { name: 'Sở, ban, ngành' }).click();
    await expect(
      page.getByRole('option', { name: `${COPY_NAME} (2027)`, exact: true }),
    ).toBeVisible();
  });
  await page.context().close();
});
