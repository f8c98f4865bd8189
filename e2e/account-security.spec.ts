import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { totpCode } from '../packages/server/dist/security/totp.js';
import { Api } from './support/api';
import { ADMIN } from './support/constants';
import { openAnonymous, saved, shot, signIn } from './support/ui';

// Issue 13, items 5 and 7, as the people who use them meet them: a new administrator's first
// sign-in asks for their own password (the policy shown and checked as they type), they turn on
// two-factor sign-in with an authenticator app, the next sign-in asks for the code, and the
// province's administrator reads it all in the audit trail and exports it to Excel. A second
// administrator is made for it, so that the others journeys' accounts stay as they are.

const NEW_ADMIN = {
  username: 'qt.baomat',
  fullName: 'Lê Bảo Mật',
  first: 'Tao-luc-dau-2027!x',
  reset: 'Dat-lai-2027!y',
};
const OWN_PASSWORD = 'Sen-nở-bên-hồ-2027';

/** The server runs on its own calendar (e2e/serve.mjs): its time is read from its audit rows. */
async function serverOffset(admin: Api, actorId: string): Promise<number> {
  const trail = (await admin.get(`/audit?limit=1&actor=${actorId}`)) as {
    entries: { at: string }[];
  };
  const at = trail.entries[0]?.at;
  if (!at) throw new Error('no audit row for the new administrator');
  return Date.parse(at) - Date.now();
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a new administrator sets their own password and two-factor sign-in; the trail shows and exports it', async ({
  browser,
}, testInfo) => {
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  const created = (await admin.send('POST', '/users', {
    username: NEW_ADMIN.username,
    fullName: NEW_ADMIN.fullName,
    password: NEW_ADMIN.first,
    role: 'administrator',
    unitId: null,
  })) as { id: string };
  // Forgotten, and reset by the province's administrator (0036): its owner must choose anew.
  await admin.send('PATCH', `/users/${created.id}`, { password: NEW_ADMIN.reset });

  // Signed in with the password the administrator set: only "Đổi mật khẩu" is open.
  const page = await signIn(browser, NEW_ADMIN.username, NEW_ADMIN.reset);
  await expect(page).toHaveURL(/doi-mat-khau/);
  await expect(page.getByText('Cần đổi mật khẩu trước khi làm việc')).toBeVisible();
  await page.getByLabel('Mật khẩu hiện tại').fill(NEW_ADMIN.reset);
  // The policy is checked as they type: the username inside the password is refused.
  await page.getByLabel(/^Mật khẩu mới/).fill(`${NEW_ADMIN.username}-2027-abc`);
  await expect(page.getByText('Mật khẩu không được chứa tên đăng nhập')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đổi mật khẩu' })).toBeDisabled();
  await page.getByLabel(/^Mật khẩu mới/).fill(OWN_PASSWORD);
  await expect(page.getByText('Mật khẩu mới đạt yêu cầu.')).toBeVisible();
  await page.getByLabel('Nhập lại mật khẩu mới').fill(`${OWN_PASSWORD}x`);
  await expect(page.getByText('Hai lần nhập mật khẩu mới không giống nhau')).toBeVisible();
  await page.getByLabel('Nhập lại mật khẩu mới').fill(OWN_PASSWORD);
  await shot(page, testInfo, 'doi-mat-khau');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await saved(page, 'Đã đổi mật khẩu');
  await expect(page).not.toHaveURL(/doi-mat-khau/);

  // Two-factor sign-in from the account menu.
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('menuitem', { name: 'Xác thực hai bước' }).click();
  await expect(page.getByText('Chưa bật')).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu cài đặt' }).click();
  await expect(page.getByRole('img', { name: /Mã QR cài xác thực hai bước/ })).toBeVisible();
  const secret = (await page.locator('code').first().innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const offset = await serverOffset(admin, created.id);
  const code = () => totpCode(secret, new Date(Date.now() + offset));
  // A wrong code is refused in Vietnamese, and nothing is turned on.
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(code() === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByText('Chưa bật được')).toBeVisible();
  const used = code();
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(used);
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await saved(page, 'Đã bật xác thực hai bước');
  await expect(page.getByText('Đang bật')).toBeVisible();
  await shot(page, testInfo, 'ma-khoi-phuc');
  await page.context().close();

  // The next sign-in asks for the code after the password.
  const again = await openAnonymous(browser);
  await again.goto('/dang-nhap');
  await again.getByLabel('Tên đăng nhập').fill(NEW_ADMIN.username);
  await again.getByLabel('Mật khẩu').fill(OWN_PASSWORD);
  await again.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(again.getByText('Xác thực hai bước')).toBeVisible();
  // The code that turned it on is spent: refused as a stolen one would be.
  await again.getByLabel('Mã xác thực (6 chữ số)').fill(used);
  await again.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(again.getByText(/đã được dùng/)).toBeVisible();
  await shot(again, testInfo, 'ma-da-dung');
  // The app's next code, 30 seconds on at most.
  const step = 30_000;
  await again.waitForTimeout(step - ((Date.now() + offset) % step) + 500);
  await again.getByLabel('Mã xác thực (6 chữ số)').fill(code());
  await again.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(again).not.toHaveURL(/dang-nhap/);
  await again.context().close();

  // The province's administrator reads it in the trail, filtered by who did it, and exports it.
  const trail = await signIn(browser, ADMIN.username, ADMIN.password);
  await trail.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
  await expect(trail.getByRole('heading', { name: 'Nhật ký thay đổi' })).toBeVisible();
  await choose(trail, 'Người thực hiện', `${NEW_ADMIN.fullName} (${NEW_ADMIN.username})`);
  const table = trail.getByRole('table', { name: 'Nhật ký thay đổi' });
  for (const action of ['Đổi mật khẩu của mình', 'Bật xác thực hai bước', 'Đăng nhập']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  // What changed, in words: how the second step was given.
  await expect(table.getByText('cách xác thực: mã từ ứng dụng xác thực')).toBeVisible();
  // Not the others' rows: the filter is by the new administrator alone.
  await expect(table.getByText('Quản trị Sở Nội vụ')).toHaveCount(0);
  await shot(trail, testInfo, 'nhat-ky');
  const downloading = trail.waitForEvent('download');
  await trail.getByRole('link', { name: 'Xuất Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const cells = book.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
  );
  expect(cells).toContain('Bật xác thực hai bước');
  expect(cells).toContain('Đổi mật khẩu của mình');
  expect(cells.some((cell) => cell.includes(NEW_ADMIN.fullName))).toBe(true);
  await admin.dispose();
});
