import { expect, test, type Page } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN, PASSWORD } from './support/constants';
import { pdf, xlsx } from './support/files';
import { saved, shot, signIn } from './support/ui';

const WARD = { id: 'PAH', name: 'UBND phường An Hòa', type: 'phuong' };
const OFFICER = {
  username: 'cb.pah',
  fullName: 'Đinh Thị Hoa',
  role: 'unitOfficer',
  unitId: WARD.id,
};
const HEAD = { username: 'tt.pah', fullName: 'Lý Văn Nam', role: 'unitHead', unitId: WARD.id };
const FRAMEWORK = 'Bộ chỉ số phường năm 2026';
const LEAF = 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn';

/** The wards' framework: one leaf scored by bands of a ratio, one scored by hand. */
const WARD_FRAMEWORK = [
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Cải cách thủ tục hành chính', 2, null],
  [
    '1.1',
    LEAF,
    1,
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,95"},{"minPercent":90,"points":"0,5"}]}',
  ],
  ['1.2', 'Công khai thủ tục hành chính', 1, '{"kind":"manual","step":"0,25"}'],
];

async function arrangeFramework(): Promise<string> {
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  try {
    await admin.send('PUT', `/units/${WARD.id}`, { name: WARD.name, type: WARD.type });
    for (const account of [OFFICER, HEAD])
      await admin.send('POST', '/users', { ...account, password: PASSWORD });
    const query = new URLSearchParams({ name: FRAMEWORK, year: '2026', unitType: 'phuong' });
    const framework = await admin.importFile(
      `/frameworks/import?${query.toString()}`,
      'bo-chi-so-phuong-2026.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsx('Bộ chỉ số', WARD_FRAMEWORK),
    );
    return framework.id as string;
  } finally {
    await admin.dispose();
  }
}

/** A period for the ward on the edited framework, appraised by td1. */
async function arrangePeriod(frameworkId: string): Promise<string> {
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  const open = { opensAt: '01/01/2027 00:00', closesAt: '31/01/2027 24:00' };
  const period = await admin.send('POST', '/periods', {
    name: 'Chỉ số CCHC phường năm 2026',
    year: 2026,
    frameworks: { phuong: frameworkId },
    windows: { selfAssessment: open, appraisal: open, explanation: open, council: open },
    unitIds: [WARD.id],
  });
  const periodId = period.id as string;
  const users = (await admin.get('/users')) as unknown as { id: string; username: string }[];
  const appraiser = users.find((u) => u.username === 'td1')!;
  await admin.send('PUT', `/periods/${periodId}/units/${WARD.id}/appraisers`, {
    appraiserIds: [appraiser.id],
  });
  await admin.dispose();
  return periodId;
}

/**
 * The officer saves leaf 1.1 twice and links a document, the head submits, and the appraiser
 * scores it lower with a comment, then closes the first round.
 */
async function arrangeAssessment(periodId: string): Promise<void> {
  const base = `/periods/${periodId}/units/${WARD.id}`;
  const officer = await Api.signIn(OFFICER.username, PASSWORD);
  await officer.send('PUT', `${base}/entries/1.1`, {
    facts: { numerator: '560', denominator: '596' },
    version: 0,
  });
  await officer.send('PUT', `${base}/entries/1.1`, {
    facts: { numerator: '590', denominator: '596' },
    explanation: 'Số liệu theo Hệ thống thông tin giải quyết TTHC của tỉnh',
    version: 1,
  });
  const upload = await officer.upload(
    `${base}/evidence`,
    'bao-cao-tthc-2026.pdf',
    'application/pdf',
    pdf('Bao cao TTHC 2026'),
  );
  const evidenceId = (upload.evidence as { id: string }).id;
  await officer.send('PUT', `${base}/entries/1.1/evidence`, { evidenceId, pageRef: 'tr. 3' });
  await officer.send('PUT', `${base}/entries/1.2`, {
    facts: { points: '1' },
    explanation: 'Đã công khai đủ thủ tục',
    version: 0,
  });
  await officer.dispose();
  const head = await Api.signIn(HEAD.username, PASSWORD);
  await head.send('POST', `${base}/submit`);
  await head.dispose();
  const td1 = await Api.signIn('td1', PASSWORD);
  const { entries } = (await td1.get(`${base}/assessment`)) as {
    entries: { code: string; version: number }[];
  };
  await td1.send('PUT', `${base}/entries/1.1/appraisal`, {
    points: '0,5',
    comment: 'Số liệu chưa khớp báo cáo quý IV',
    version: entries.find((e) => e.code === '1.1')!.version,
  });
  // The first round is closed: the ward now sees its appraised points.
  await td1.send('POST', `${base}/finalise`);
  await td1.dispose();
}

/** The history table of the open leaf, and its text. */
async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'Xem lịch sử thay đổi' }).click();
  const table = page.getByRole('table', { name: 'Lịch sử thay đổi tiêu chí 1.1' });
  await expect(table).toBeVisible();
  return table;
}

test('an administrator edits a rule through its form, and the leaf history reads in Vietnamese', async ({
  browser,
}, testInfo) => {
  const frameworkId = await arrangeFramework();

  await test.step('the rule form shows the bands, and the preview follows each change', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/bo-chi-so/${frameworkId}`);
    await page.getByRole('button', { name: 'Sửa mục 1.1' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByRole('combobox', { name: 'Loại quy tắc chấm' })).toHaveValue(
      'Tỷ lệ theo mức',
    );
    await expect(drawer.getByLabel('Điểm của mức 2')).toHaveValue('0,95');
    // The officer's inputs, with sample facts to try.
    const preview = drawer.getByLabel('Xem trước như cán bộ đơn vị');
    await preview.getByLabel('Tử số (đạt)').fill('574');
    await preview.getByLabel('Mẫu số (tổng)').fill('596');
    await expect(preview.getByText(/Điểm tạm tính: 574\/596 = 96,31% .*→ 0,95\/1/)).toBeVisible();

    // Band 2 earns less: the preview and the description change as it is typed.
    await drawer.getByLabel('Điểm của mức 2').fill('0,9');
    await expect(preview.getByText(/Điểm tạm tính: 574\/596 = 96,31% .*→ 0,9\/1/)).toBeVisible();
    await expect(
      drawer.getByText(
        'Cách chấm: ≥ 100%: 1 điểm; ≥ 95%: 0,9 điểm; ≥ 90%: 0,5 điểm; thấp hơn: 0 điểm',
      ),
    ).toBeVisible();

    // A band out of order is named in words, and the rule cannot be saved.
    await drawer.getByLabel('Tỷ lệ (%) của mức 3').fill('97');
    await expect(
      drawer.getByText('Các mức tỷ lệ phải xếp từ cao xuống thấp, không trùng nhau'),
    ).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'Lưu', exact: true })).toBeDisabled();
    await drawer.getByLabel('Tỷ lệ (%) của mức 3').fill('90');

    // The JSON is one click away and says the same.
    await drawer.getByRole('button', { name: 'Nâng cao (JSON)' }).click();
    const json = drawer.getByLabel('Quy tắc chấm dạng JSON');
    await expect(json).toHaveValue(/"points": "0,9"/);
    // Either side may be edited: the form follows the JSON.
    await json.fill((await json.inputValue()).replace('"points": "0,5"', '"points": "0,4"'));
    await expect(drawer.getByLabel('Điểm của mức 3')).toHaveValue('0,4');
    await shot(page, testInfo, 'sua-quy-tac-bieu-mau');

    await drawer.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved(page, 'Đã lưu mục 1.1');
    await expect(page.getByRole('table', { name: 'Cây bộ chỉ số' })).toContainText(
      '≥ 95%: 0,9 điểm',
    );
    await page.context().close();
  });

  const periodId = await arrangePeriod(frameworkId);
  const leafUrl = `/ky-danh-gia/${periodId}/don-vi/${WARD.id}?tc=1.1`;

  await test.step('wrong facts are named by their labels, never by their JSON keys', async () => {
    const page = await signIn(browser, OFFICER.username);
    await page.goto(leafUrl);
    await page.getByLabel('Tử số (đạt)').fill('600');
    await page.getByLabel('Mẫu số (tổng)').fill('596');
    const problem = 'Tử số (đạt) không được lớn hơn mẫu số (tổng)';
    await expect(page.getByText(problem)).toBeVisible();
    // The server says the same when asked to save, keeping the path for machines only.
    await page.getByRole('button', { name: 'Lưu tiêu chí 1.1' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Chưa lưu được' });
    await expect(alert).toContainText(problem);
    await expect(alert).not.toContainText('facts');
    await shot(page, testInfo, 'loi-so-lieu');
    await page.context().close();
  });

  await arrangeAssessment(periodId);

  await test.step('the officer reads the leaf history: who, when, what, in words', async () => {
    const page = await signIn(browser, OFFICER.username);
    await page.goto(leafUrl);
    await expect(page.getByRole('heading', { level: 3, name: `1.1. ${LEAF}` })).toBeVisible();
    const history = await openHistory(page);
    await expect(history).toContainText('Tổ thẩm định chấm điểm');
    await expect(history).toContainText('Điểm thẩm định: (trống) → 0,5');
    await expect(history).toContainText(
      'Nhận xét thẩm định: (trống) → Số liệu chưa khớp báo cáo quý IV',
    );
    await expect(history).toContainText('Gắn tài liệu kiểm chứng');
    await expect(history).toContainText('Tài liệu: bao-cao-tthc-2026.pdf');
    await expect(history).toContainText('Tử số (đạt): 560 → 590');
    await expect(history).toContainText('Điểm tự chấm: 0,4 → 0,9');
    await expect(history).toContainText(/12\/01\/2027 \d\d:\d\d/);
    await expect(history).toContainText(`${OFFICER.fullName} (${OFFICER.username})`);
    const text = await history.innerText();
    expect(text).not.toMatch(/[{}]|numerator|selfPoints|appraisedPoints|entry\.|Địa chỉ IP/);
    await history.scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'lich-su-can-bo');
    await page.context().close();
  });

  await test.step('the administrator also sees where each change came from', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(leafUrl);
    const history = await openHistory(page);
    await expect(history.getByText('Địa chỉ IP: 127.0.0.1').first()).toBeVisible();
    await history.scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'lich-su-quan-tri');
    await page.context().close();
  });
});
