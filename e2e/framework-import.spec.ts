import { expect, test } from '@playwright/test';
import { ADMIN } from './support/constants';
import { BROKEN_FRAMEWORK, DISTRICT_FRAMEWORK, xlsx } from './support/files';
import { shot, signIn } from './support/ui';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAME = 'Bộ chỉ số cấp huyện năm 2026';

test('the administrator imports a framework from Excel after a rejected file', async ({
  browser,
}, testInfo) => {
  const page = await signIn(browser, ADMIN.username, ADMIN.password);
  await page
    .getByRole('navigation', { name: 'Danh mục chính' })
    .getByRole('link', { name: 'Bộ chỉ số' })
    .click();
  await page.getByLabel('Tên bộ chỉ số').fill(NAME);
  await page.getByRole('textbox', { name: 'Năm' }).fill('2026');
  await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  await page.getByRole('option', { name: 'UBND cấp huyện' }).click();
  const file = page.locator('input[type=file]');

  await test.step('a file with mistakes is refused with every mistake located', async () => {
    await file.setInputFiles({
      name: 'bo-chi-so-loi.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('Phụ lục', BROKEN_FRAMEWORK),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const error = page
      .getByRole('alert')
      .filter({ hasText: 'Tệp chưa nhập được (không có gì được lưu)' });
    await expect(error).toBeVisible();
    // Row 6 has no number of points; area 1 says 5 where its leaves add up to 4,5.
    await expect(error).toContainText(/Phụ lục.*dòng 6.*cột C/);
    await expect(error).toContainText(/dòng 2.*4,5/);
    await expect(page.getByRole('button', { name: 'Nhập bộ chỉ số' })).toBeDisabled();
    // What was typed stays after the error.
    await expect(page.getByLabel('Tên bộ chỉ số')).toHaveValue(NAME);
    await shot(page, testInfo, 'bo-chi-so-tep-loi');
  });

  await test.step('a correct file shows what will be created, then is imported', async () => {
    await file.setInputFiles({
      name: 'bo-chi-so-huyen-2026.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('Phụ lục', DISTRICT_FRAMEWORK),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect(
      page.getByText('Sẽ tạo 5 mục (3 tiêu chí chấm điểm), tổng 6,5 điểm:'),
    ).toBeVisible();
    await expect(page.getByText('1. Công tác chỉ đạo, điều hành CCHC: 4,5 điểm')).toBeVisible();
    await shot(page, testInfo, 'bo-chi-so-xem-truoc');
    await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await expect(page.getByRole('heading', { level: 2, name: NAME })).toBeVisible();
    const tree = page.getByRole('table', { name: 'Cây bộ chỉ số' });
    await expect(tree.getByRole('row').filter({ hasText: 'Sắp xếp tổ chức bộ máy' })).toContainText(
      '2',
    );
  });

  await test.step('a leaf gets its scoring rule', async () => {
    await page.getByRole('button', { name: 'Sửa mục 1.1' }).click();
    await page.getByRole('combobox', { name: 'Loại quy tắc chấm' }).click();
    await page.getByRole('option', { name: 'Đúng hạn / chậm / không thực hiện' }).click();
    await page.getByLabel('Hạn hoàn thành').fill('31/01/2026');
    const late = page.getByLabel('Điểm khi hoàn thành chậm');
    await late.fill('2');
    // Checked as typed: late points above the maximum cannot be saved.
    await expect(page.getByText(/vượt|lớn hơn/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lưu', exact: true })).toBeDisabled();
    await late.fill('0,75');
    await expect(
      page
        .getByText('Đúng hạn (31/01/2026): 1,5 điểm; chậm: 0,75 điểm; không thực hiện: 0 điểm')
        .first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Đã lưu mục 1.1' })).toBeVisible();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('table', { name: 'Cây bộ chỉ số' })).toContainText(
      'chậm: 0,75 điểm',
    );
    await shot(page, testInfo, 'bo-chi-so-da-nhap');
  });

  await test.step('a criterion gets its default lead and supporting offices', async () => {
    await page.getByRole('button', { name: 'Sửa mục 1.2' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Đơn vị chủ trì (mặc định)').fill('Phòng Nội vụ');
    const supporting = dialog.getByLabel('Đơn vị phối hợp (mặc định)');
    await supporting.fill('Văn phòng HĐND và UBND');
    await supporting.press('Enter');
    // A semicolon ends a name too, as in the framework table's column.
    await supporting.pressSequentially('Phòng Tư pháp;');
    await expect(dialog.getByText('Phòng Tư pháp', { exact: true })).toBeVisible();
    await supporting.scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'bo-chi-so-don-vi-chu-tri');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Đã lưu mục 1.2' })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByRole('table', { name: 'Cây bộ chỉ số' })
        .getByRole('row')
        .filter({ hasText: 'Kiểm tra CCHC' }),
    ).toContainText('Chủ trì: Phòng Nội vụ; phối hợp: Văn phòng HĐND và UBND, Phòng Tư pháp');
    // Opened again, the form shows what was saved.
    await page.getByRole('button', { name: 'Sửa mục 1.2' }).click();
    await expect(dialog.getByLabel('Đơn vị chủ trì (mặc định)')).toHaveValue('Phòng Nội vụ');
    await expect(dialog.getByText('Phòng Tư pháp', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await shot(page, testInfo, 'bo-chi-so-cay-don-vi-chu-tri');
  });
  await page.context().close();
});
