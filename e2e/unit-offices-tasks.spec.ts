import { expect, test } from '@playwright/test';
import { FRAMEWORK_NAME } from './support/constants';
import { saved, shot, signIn } from './support/ui';

const TASK = 'Hoàn thành báo cáo CCHC quý IV năm 2026';

test("a unit officer sets up its offices, gives a leaf its lead office, and finds the leaf's task in the calendar", async ({
  browser,
}, testInfo) => {
  const page = await signIn(browser, 'cb.syt');
  const nav = page.getByRole('navigation', { name: 'Danh mục chính' });

  await test.step('two offices are added', async () => {
    await nav.getByRole('link', { name: 'Phòng, ban' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Phòng, ban và phân công của Sở Y tế' }),
    ).toBeVisible();
    for (const name of ['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính']) {
      await page.getByLabel('Thêm phòng, ban').fill(name);
      await page.getByRole('button', { name: 'Thêm', exact: true }).click();
      await saved(page, `Đã thêm ${name}`);
    }
    const list = page.getByRole('table', { name: 'Phòng, ban đang hoạt động' });
    await expect(list.getByRole('row')).toHaveCount(3);
  });

  await test.step('leaf 1.2 gets its lead office', async () => {
    // Another journey may have copied the framework to 2027 already: choose the year's.
    await page.getByRole('combobox', { name: 'Bộ chỉ số (theo năm)' }).click();
    await page.getByRole('option', { name: `${FRAMEWORK_NAME} (năm 2026)` }).click();
    await page.getByRole('button', { name: 'Giao phòng, ban cho 1.2' }).click();
    await page.getByRole('combobox', { name: 'Phòng, ban chủ trì' }).click();
    await page.getByRole('option', { name: 'Văn phòng Sở' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved(page, 'Đã giao phòng, ban cho 1.2');
    const row = page
      .getByRole('table', { name: 'Phân công chủ trì, phối hợp' })
      .getByRole('row')
      .filter({ hasText: 'Báo cáo CCHC định kỳ' });
    await expect(row).toContainText('Văn phòng Sở');
    await expect(row).toContainText('Đơn vị tự giao');
    await shot(page, testInfo, 'phong-ban-phan-cong');
  });

  await test.step('a task serving 1.2 is given with a deadline', async () => {
    await nav.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.getByRole('button', { name: 'Giao nhiệm vụ mới' }).click();
    const form = page.getByRole('dialog', { name: 'Giao nhiệm vụ mới' });
    await form.getByLabel('Nội dung nhiệm vụ').fill(TASK);
    await form.getByRole('combobox', { name: 'Phòng, ban chủ trì' }).click();
    await page.getByRole('option', { name: 'Văn phòng Sở' }).click();
    await form.getByRole('combobox', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('option', { name: `${FRAMEWORK_NAME} (năm 2026)` }).click();
    await form.getByLabel('Tiêu chí phục vụ').click();
    await page.getByRole('option', { name: '1.2 Báo cáo CCHC định kỳ' }).click();
    await form.getByLabel('Thời hạn').fill('10/01/2027');
    await shot(page, testInfo, 'nhiem-vu-giao-moi');
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await saved(page, `Đã giao nhiệm vụ "${TASK}"`);
    await expect(page.getByRole('row').filter({ hasText: TASK })).toContainText('Văn phòng Sở');
  });

  await test.step('the calendar shows it on its day, overdue (the server is on 12/01/2027)', async () => {
    await page.getByRole('link', { name: 'Lịch nhiệm vụ' }).click();
    // The calendar opens on the browser's month; walk to January 2027.
    const heading = page.getByRole('heading', { level: 2 });
    await expect(heading).toContainText('Lịch nhiệm vụ tháng');
    const months = await page.evaluate(() => {
      const now = new Date();
      return 2027 * 12 - (now.getFullYear() * 12 + now.getMonth());
    });
    for (let i = 0; i < Math.abs(months); i++) {
      await page
        .getByRole('button', { name: months > 0 ? 'Tháng sau →' : '← Tháng trước' })
        .click();
    }
    await expect(heading).toHaveText('Lịch nhiệm vụ tháng 1/2027');
    const day = page.getByLabel('Ngày 10/01', { exact: false });
    await expect(day).toContainText(TASK);
    await expect(day).toContainText('Quá hạn chưa hoàn thành');
    await expect(
      page.getByText(
        '1 nhiệm vụ đến hạn trong tháng, trong đó 1 nhiệm vụ quá hạn chưa hoàn thành.',
      ),
    ).toBeVisible();
    await shot(page, testInfo, 'nhiem-vu-lich');
  });

  await test.step('the task is edited: a later deadline', async () => {
    await page.getByRole('link', { name: TASK }).click();
    await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    const form = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    await expect(form.getByLabel('Tiêu chí phục vụ')).toBeVisible();
    await form.getByLabel('Thời hạn').fill('20/01/2027');
    await shot(page, testInfo, 'nhiem-vu-sua');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await saved(page, `Đã lưu nhiệm vụ "${TASK}"`);
    await expect(page.getByText('20/01/2027 (còn 8 ngày)')).toBeVisible();
  });
});
