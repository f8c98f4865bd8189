import { expect, test } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN, PASSWORD } from './support/constants';
import { xlsx } from './support/files';
import { saved, shot, signIn, watchTrouble } from './support/ui';

const UNIT = { id: 'HTK', name: 'UBND huyện Tứ Kỳ', type: 'huyen' };
const OFFICER = {
  username: 'cb.htk',
  fullName: 'Ngô Thị Nhắc',
  role: 'unitOfficer',
  unitId: UNIT.id,
  email: 'nhac.nt@tuky.hoaan.gov.vn',
};
const PERIOD = 'Chỉ số CCHC cấp huyện năm 2026 (nhắc việc)';

/**
 * A district whose self-assessment closes at 24:00 on 13/01/2027, the day after tomorrow on the
 * browser tests' calendar (12/01/2027 09:00): its 3-day reminder is due.
 */
async function arrange(): Promise<string> {
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  try {
    await admin.send('PUT', `/units/${UNIT.id}`, { name: UNIT.name, type: UNIT.type });
    await admin.send('POST', '/users', { ...OFFICER, password: PASSWORD });
    const name = 'Bộ chỉ số cấp huyện năm 2026 (nhắc việc)';
    const query = new URLSearchParams({ name, year: '2026', unitType: 'huyen' });
    const framework = await admin.importFile(
      `/frameworks/import?${query.toString()}`,
      'bo-chi-so-huyen-2026.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsx('Bộ chỉ số', [
        ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
        ['1', 'Công tác chỉ đạo, điều hành CCHC', 1, null],
        ['1.1', 'Ban hành kế hoạch CCHC năm', 1, '{"kind":"timeliness","deadline":"2026-01-31"}'],
      ]),
    );
    const later = { opensAt: '14/01/2027 00:00', closesAt: '31/01/2027 24:00' };
    const period = await admin.send('POST', '/periods', {
      name: PERIOD,
      year: 2026,
      frameworks: { huyen: framework.id },
      windows: {
        selfAssessment: { opensAt: '01/01/2027 00:00', closesAt: '13/01/2027 24:00' },
        appraisal: later,
        explanation: later,
        council: later,
      },
      unitIds: [UNIT.id],
    });
    return period.id as string;
  } finally {
    await admin.dispose();
  }
}

test('the reminders: a scan, the bell, the notification and the choice of channels', async ({
  browser,
}, testInfo) => {
  const periodId = await arrange();

  // The administrator runs the scan now rather than at the next quarter hour, and sees it done.
  const admin = await signIn(browser, ADMIN.username, ADMIN.password);
  const adminTrouble = watchTrouble(admin);
  await admin.getByRole('link', { name: 'Công việc nền' }).click();
  await admin.getByRole('button', { name: 'Rà soát nhắc việc ngay' }).click();
  await saved(admin, 'Đã đưa việc rà soát nhắc việc vào hàng đợi');
  const jobs = admin.getByRole('table', { name: 'Công việc nền' });
  await expect(async () => {
    await admin.reload();
    await expect(jobs.getByRole('row').filter({ hasText: 'Gửi nhắc việc' }).first()).toContainText(
      'Hoàn thành',
    );
  }).toPass({ timeout: 60_000 });
  await shot(admin, testInfo, 'cong-viec-nen');
  // The account carries the address reminders are e-mailed to.
  await admin.getByRole('link', { name: 'Tài khoản' }).click();
  const accounts = admin.getByRole('table', { name: 'Tài khoản' });
  await expect(accounts.getByRole('row').filter({ hasText: OFFICER.username })).toContainText(
    OFFICER.email,
  );
  await admin.getByRole('button', { name: `Sửa ${OFFICER.username}` }).click();
  await expect(admin.getByLabel('Thư điện tử (nhận nhắc việc; không bắt buộc)')).toHaveValue(
    OFFICER.email,
  );
  await shot(admin, testInfo, 'tai-khoan-thu-dien-tu');
  adminTrouble.expectClean();

  // The officer sees the bell, opens the notification and goes to the unit's page.
  const officer = await signIn(browser, OFFICER.username);
  const trouble = watchTrouble(officer);
  const bell = officer.getByRole('link', { name: 'Thông báo: 1 chưa đọc' });
  // An earlier journey's reminders already sit completed in the jobs table, so the row above
  // may be theirs: the officer's own reminder can land a moment later. Wait for it, not for time.
  await expect(async () => {
    await officer.reload();
    await expect(bell).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await shot(officer, testInfo, 'chuong-thong-bao');
  await bell.click();
  await expect(officer.getByRole('heading', { name: 'Thông báo', level: 2 })).toBeVisible();
  const card = officer.getByRole('listitem').filter({ hasText: 'Còn 3 ngày đến hạn tự đánh giá' });
  await expect(card).toContainText(`${UNIT.name} chưa gửi kết quả tự đánh giá kỳ "${PERIOD}"`);
  await expect(card).toContainText('kết thúc lúc 24:00 ngày 13/01/2027');
  await expect(card).toContainText('Chưa đọc');
  // No SMTP on this server: e-mail cannot be chosen, and the page says why.
  await expect(officer.getByText('Chưa gửi được thư điện tử')).toBeVisible();
  await expect(
    officer.getByRole('switch', { name: 'Sắp hết hạn tự đánh giá: thư điện tử' }),
  ).toBeDisabled();
  await shot(officer, testInfo, 'thong-bao');

  await officer.getByRole('switch', { name: 'Mở vòng giải trình: trong ứng dụng' }).click();
  await officer.getByRole('button', { name: 'Lưu cách nhận thông báo' }).click();
  await saved(officer, 'Đã lưu cách nhận thông báo');
  await officer.reload();
  await expect(
    officer.getByRole('switch', { name: 'Mở vòng giải trình: trong ứng dụng' }),
  ).not.toBeChecked();

  await card.getByRole('link', { name: 'Mở' }).click();
  await expect(officer).toHaveURL(new RegExp(`/ky-danh-gia/${periodId}/don-vi/${UNIT.id}$`));
  await expect(
    officer.getByRole('link', { name: 'Thông báo: không có thông báo mới' }),
  ).toBeVisible();
  trouble.expectClean();
});
