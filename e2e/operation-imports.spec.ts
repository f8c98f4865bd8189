import { expect, test } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN } from './support/constants';
import { xlsx } from './support/files';
import { saved, shot, signIn, watchTrouble } from './support/ui';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT = { id: 'HCG', name: 'UBND huyện Cẩm Giàng', type: 'huyen' };
const PERIOD = 'Chỉ số CCHC cấp huyện năm 2026 (Cẩm Giàng)';
const OPEN = { opensAt: '01/01/2027 00:00', closesAt: '31/01/2027 24:00' };

/**
 * Decision 0043: the dispatch and statistics imports run on the server as jobs; the screens
 * follow each with its progress, then show the preview or the answer as before.
 */
test('the administrator gives tasks and imports statistics from tables, each run as a job', async ({
  browser,
}, testInfo) => {
  const periodId = await test.step('a district and its period', async () => {
    const admin = await Api.signIn(ADMIN.username, ADMIN.password);
    try {
      await admin.send('PUT', `/units/${UNIT.id}`, { name: UNIT.name, type: UNIT.type });
      const query = new URLSearchParams({
        name: 'Bộ chỉ số cấp huyện năm 2026 (Cẩm Giàng)',
        year: '2026',
        unitType: 'huyen',
      });
      const framework = await admin.importFile(
        `/frameworks/import?${query.toString()}`,
        'bo-chi-so-huyen.xlsx',
        XLSX,
        await xlsx('Bộ chỉ số', [
          ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa'],
          ['1', 'Cải cách thủ tục hành chính', 1],
          ['1.1', 'Công khai thủ tục hành chính', 1],
        ]),
      );
      const period = await admin.send('POST', '/periods', {
        name: PERIOD,
        year: 2026,
        frameworks: { huyen: framework.id as string },
        windows: { selfAssessment: OPEN, appraisal: OPEN, explanation: OPEN, council: OPEN },
        unitIds: [UNIT.id],
      });
      return period.id as string;
    } finally {
      await admin.dispose();
    }
  });

  const page = await signIn(browser, ADMIN.username, ADMIN.password);
  const trouble = watchTrouble(page);

  await test.step('a dispatch table, previewed then given', async () => {
    await page.goto('/nhiem-vu/tong-hop');
    const card = page.locator('.mantine-Card-root').filter({ hasText: 'Giao nhiệm vụ từ bảng' });
    await card.locator('input[type=file]').setInputFiles({
      name: 'giao-nhiem-vu.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('Giao nhiệm vụ', [
        ['Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn'],
        ['Công khai đầy đủ TTHC tại bộ phận một cửa', UNIT.id, '27/02/2027'],
        ['Báo cáo CCHC quý I năm 2027', 'SNV', '31/03/2027'],
      ]),
    });
    await card.getByRole('button', { name: 'Xem trước' }).click();
    await expect(card.getByRole('cell', { name: 'Báo cáo CCHC quý I năm 2027' })).toBeVisible();
    await expect(card.getByRole('cell', { name: UNIT.name })).toBeVisible();
    await shot(page, testInfo, 'giao-nhiem-vu-xem-truoc');
    await card.getByRole('button', { name: 'Giao 2 nhiệm vụ' }).click();
    await saved(page, 'Đã giao 2 nhiệm vụ');
  });

  await test.step('a refused dispatch names its row; nothing is given', async () => {
    const card = page.locator('.mantine-Card-root').filter({ hasText: 'Giao nhiệm vụ từ bảng' });
    await card.locator('input[type=file]').setInputFiles({
      name: 'giao-sai.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('Giao nhiệm vụ', [
        ['Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn'],
        ['Rà soát quy chế làm việc', 'KHONGCO', '27/02/2027'],
      ]),
    });
    await card.getByRole('button', { name: 'Xem trước' }).click();
    await expect(card.getByText('Tệp chưa nhập được (không có gì được lưu)')).toBeVisible();
    await expect(card.getByText(/Trang "Giao nhiệm vụ", dòng 2/)).toBeVisible();
    await shot(page, testInfo, 'giao-nhiem-vu-bi-tu-choi');
  });

  await test.step("the district's procedure statistics: mapped, then imported", async () => {
    await page.goto(`/ky-danh-gia/${periodId}/thong-ke-tthc`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'thong-ke-tthc.xlsx',
      mimeType: XLSX,
      buffer: await xlsx('TTHC', [
        ['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC NĂM 2026'],
        ['Tên đơn vị', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết', 'Giải quyết đúng hạn'],
        [UNIT.name, 600, 596, 574],
      ]),
    });
    await expect(page.getByText('Đọc được 1 dòng đơn vị')).toBeVisible();
    await shot(page, testInfo, 'thong-ke-ghep-cot');
    await page.getByRole('button', { name: 'Nhập số liệu' }).click();
    await expect(page.getByText(/Đã nhập số liệu của 1 đơn vị từ trang "TTHC"/)).toBeVisible();
    await shot(page, testInfo, 'thong-ke-da-nhap');
  });
  trouble.expectClean();
  await page.context().close();
});
