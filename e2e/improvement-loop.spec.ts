import { expect, test, type Page } from '@playwright/test';
import { Api } from './support/api';
import { ADMIN, PASSWORD } from './support/constants';
import { pdf, xlsx } from './support/files';
import { saved, shot, signIn, watchTrouble } from './support/ui';

const UNIT = { id: 'HTH', name: 'UBND huyện Thanh Hà', type: 'huyen' };
const OFFICER = { username: 'cb.hth', fullName: 'Hoàng Thị Mai', role: 'unitOfficer' };
const HEAD = { username: 'tt.hth', fullName: 'Đinh Văn Khoa', role: 'unitHead' };
const STAFF = { username: 'vp.hth', fullName: 'Lương Thị Hoa' };
const OFFICE_1 = 'Văn phòng HĐND và UBND huyện';
const OFFICE_2 = 'Phòng Nội vụ';
const LAST_YEAR = 'Chỉ số CCHC cấp huyện năm 2025 (Thanh Hà)';
const THIS_YEAR = 'Chỉ số CCHC cấp huyện năm 2026 (Thanh Hà)';
const TASK_1 = 'Ban hành Kế hoạch CCHC năm 2027 trước ngày 25/01/2027';
const TASK_2 = 'Rà soát, đôn đốc các nhiệm vụ UBND tỉnh giao năm 2026';
const LEAF = 'Thực hiện các nhiệm vụ được UBND tỉnh giao';
const OPEN = { opensAt: '01/01/2027 00:00', closesAt: '31/01/2027 24:00' };
const LATER = { opensAt: '01/02/2027 00:00', closesAt: '28/02/2027 24:00' };

/** A district framework whose 1.2 takes 0,5 off per task not done on time (seed 000, 1.6.1). */
const districtFramework = (year: number) => [
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 3, null],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm',
    1,
    `{"kind":"timeliness","deadline":"${year}-01-31","latePoints":"0,5"}`,
  ],
  ['1.2', LEAF, 2, '{"kind":"deduction","pointsPerOccurrence":"0,5"}'],
  ['2', 'Cải cách thủ tục hành chính', 1, null],
  [
    '2.1',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    1,
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,95"},{"minPercent":90,"points":"0,5"}]}',
  ],
];

async function importFramework(admin: Api, year: number): Promise<string> {
  const name = `Bộ chỉ số cấp huyện năm ${year} (Thanh Hà)`;
  const query = new URLSearchParams({ name, year: String(year), unitType: 'huyen' });
  const framework = await admin.importFile(
    `/frameworks/import?${query.toString()}`,
    `bo-chi-so-huyen-${year}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    await xlsx('Bộ chỉ số', districtFramework(year)),
  );
  return framework.id as string;
}

/** Saves the unit's facts leaf by leaf, each on the version the assessment shows. */
async function enterFacts(periodId: string, facts: Record<string, unknown>): Promise<void> {
  const officer = await Api.signIn(OFFICER.username, PASSWORD);
  const base = `/periods/${periodId}/units/${UNIT.id}`;
  try {
    for (const [code, value] of Object.entries(facts)) {
      const { entries } = (await officer.get(`${base}/assessment`)) as {
        entries: { code: string; version: number }[];
      };
      const entry = entries.find((e) => e.code === code)!;
      await officer.send('PUT', `${base}/entries/${code}`, {
        facts: value,
        explanation: 'Số liệu theo báo cáo năm của huyện',
        version: entry.version,
      });
    }
  } finally {
    await officer.dispose();
  }
}

async function as<T>(username: string, password: string, act: (api: Api) => Promise<T>) {
  const api = await Api.signIn(username, password);
  try {
    return await act(api);
  } finally {
    await api.dispose();
  }
}

/**
 * Not part of the journey, so by the API: the district, its officer and head, its two offices;
 * last year's index (2025) assessed, appraised, approved and published — the result the plan
 * starts from; and this year's (2026) self-assessment open until 31/01/2027, where the officer
 * had already entered every leaf, 1.2 with no task late. On the browser tests' calendar
 * (12/01/2027) the plan's year, 2026, has run its course: the journey compresses it.
 */
async function arrange(): Promise<{ lastYear: string; thisYear: string }> {
  const ids = await as(ADMIN.username, ADMIN.password, async (admin) => {
    await admin.send('PUT', `/units/${UNIT.id}`, { name: UNIT.name, type: UNIT.type });
    for (const person of [OFFICER, HEAD])
      await admin.send('POST', '/users', { ...person, unitId: UNIT.id, password: PASSWORD });
    for (const name of [OFFICE_1, OFFICE_2])
      await admin.send('POST', `/units/${UNIT.id}/offices`, { name });
    const lastYear = await admin.send('POST', '/periods', {
      name: LAST_YEAR,
      year: 2025,
      frameworks: { huyen: await importFramework(admin, 2025) },
      windows: {
        selfAssessment: OPEN,
        appraisal: OPEN,
        explanation: OPEN,
        council: OPEN,
        publication: OPEN,
      },
      unitIds: [UNIT.id],
    });
    const users = (await admin.get('/users')) as unknown as { id: string; username: string }[];
    await admin.send('PUT', `/periods/${lastYear.id as string}/units/${UNIT.id}/appraisers`, {
      appraiserIds: [users.find((u) => u.username === 'td1')!.id],
    });
    const thisYear = await admin.send('POST', '/periods', {
      name: THIS_YEAR,
      year: 2026,
      frameworks: { huyen: await importFramework(admin, 2026) },
      windows: { selfAssessment: OPEN, appraisal: LATER, explanation: LATER, council: LATER },
      unitIds: [UNIT.id],
    });
    return { lastYear: lastYear.id as string, thisYear: thisYear.id as string };
  });
  // 2025: the plan a month late (0,5/1), two tasks late (1/2), 96,31% on time (0,95/1).
  await enterFacts(ids.lastYear, {
    '1.1': { completedOn: '2025-02-10' },
    '1.2': { occurrences: 2 },
    '2.1': { numerator: 574, denominator: 596 },
  });
  const base = `/periods/${ids.lastYear}/units/${UNIT.id}`;
  await as(HEAD.username, PASSWORD, (head) => head.send('POST', `${base}/submit`));
  await as('td1', PASSWORD, async (appraiser) => {
    await appraiser.send('POST', `${base}/finalise`);
    await appraiser.send('POST', `${base}/finalise`);
  });
  await as('hd1', PASSWORD, (council) =>
    council.send('POST', `/periods/${ids.lastYear}/approve`, {
      decisionNumber: '05/QĐ-HĐĐG',
      decisionDate: '2027-01-12',
    }),
  );
  await as(ADMIN.username, ADMIN.password, (admin) =>
    admin.send('POST', `/periods/${ids.lastYear}/publish`),
  );
  // 2026 so far: the plan on time (1/1), no task late (2/2), 96,31% (0,95/1).
  await enterFacts(ids.thisYear, {
    '1.1': { completedOn: '2026-01-20' },
    '1.2': { occurrences: 0 },
    '2.1': { numerator: 574, denominator: 596 },
  });
  return ids;
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills one row of the draft plan in its dialog. */
async function editRow(
  page: Page,
  code: string,
  row: { target?: string; tasks: string; office: string; deadline: string },
) {
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: code, exact: true }) })
    .getByRole('button', { name: 'Sửa' })
    .click();
  const dialog = page.getByRole('dialog');
  if (row.target) await dialog.getByLabel('Mục tiêu (điểm)').fill(row.target);
  await dialog.getByLabel('Nhiệm vụ, giải pháp').fill(row.tasks);
  await choose(page, 'Đơn vị chủ trì', row.office);
  await dialog.getByLabel('Thời hạn hoàn thành').fill(row.deadline);
  await dialog.getByRole('button', { name: `Lưu dòng ${code}` }).click();
  await saved(page, `Đã lưu dòng ${code}`);
}

test('a district closes the year: plan, tasks to two offices, a report, an overdue task, the reminder and the points', async ({
  browser,
}, testInfo) => {
  const periods = await arrange();

  await test.step('the officer turns the published result into a plan and two tasks', async () => {
    const page = await signIn(browser, OFFICER.username);
    const trouble = watchTrouble(page);
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Kết quả' })
      .click();
    await page.getByRole('link', { name: LAST_YEAR }).click();
    await page
      .getByRole('table', { name: 'Xếp hạng UBND cấp huyện' })
      .getByRole('link', { name: UNIT.name })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: UNIT.name })).toBeVisible();
    await expect(page.getByText('2,45/4 điểm')).toBeVisible();
    await expect(page.getByText('Chưa có kế hoạch khắc phục, cải thiện năm 2026')).toBeVisible();
    await shot(page, testInfo, 'ket-qua-da-cong-bo');
    await page.getByRole('button', { name: 'Lập kế hoạch khắc phục' }).click();
    await saved(page, 'Đã lập dự thảo kế hoạch cải thiện từ kết quả đã công bố');
    await expect(
      page.getByRole('heading', { level: 2, name: `Kế hoạch cải thiện năm 2026 — ${UNIT.name}` }),
    ).toBeVisible();
    await editRow(page, '1.1', { tasks: TASK_1, office: OFFICE_1, deadline: '25/01/2027' });
    await editRow(page, '1.2', {
      target: '1,5',
      tasks: `${TASK_2}\nBáo cáo tiến độ hằng tháng với Chủ tịch UBND huyện.`,
      office: OFFICE_2,
      deadline: '31/12/2026',
    });
    const row12 = page.getByRole('row').filter({ hasText: LEAF });
    await expect(row12).toContainText(OFFICE_2);
    await expect(row12).toContainText('31/12/2026');
    await page.getByRole('checkbox', { name: 'Chọn dòng 1.1' }).check();
    await page.getByRole('checkbox', { name: 'Chọn dòng 1.2' }).check();
    await page.getByRole('button', { name: 'Tạo nhiệm vụ từ các dòng đã chọn (2)' }).click();
    await saved(page, 'Đã tạo 2 nhiệm vụ từ kế hoạch');
    await expect(row12).toContainText('1 nhiệm vụ');
    await shot(page, testInfo, 'ke-hoach-va-nhiem-vu');
    // The table is wider than the screen: the offices and deadlines are at its right end.
    await row12.evaluate((cell) => {
      for (let box = cell.parentElement; box; box = box.parentElement)
        if (box.scrollWidth > box.clientWidth) box.scrollLeft = box.scrollWidth;
    });
    await shot(page, testInfo, 'ke-hoach-phong-ban-thoi-han');
    // The plan's own annex reads back into it through the import card, run as a job (0043).
    const href = await page.getByRole('link', { name: 'Tải phụ lục (.xlsx)' }).getAttribute('href');
    const annex = await page.request.get(href!);
    expect(annex.ok()).toBe(true);
    const card = page.locator('.mantine-Card-root').filter({ hasText: 'Nhập kế hoạch từ bảng' });
    await card.locator('input[type=file]').setInputFiles({
      name: 'phu-luc-ke-hoach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await annex.body(),
    });
    await card.getByRole('button', { name: 'Xem trước' }).click();
    await expect(card.getByText(/Xem trước: \d+ dòng trong/)).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'ke-hoach-nhap-xem-truoc');
    await card.getByRole('button', { name: 'Nhập vào kế hoạch' }).click();
    await saved(page, /Đã nhập \d+ dòng vào kế hoạch/);
    await expect(row12).toContainText(OFFICE_2);
    await expect(row12).toContainText('1 nhiệm vụ');
    trouble.expectClean();
    await page.context().close();
  });

  await test.step("the administrator gives office 1's staff an account", async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await page.getByLabel('Tên đăng nhập').fill(STAFF.username);
    await page.getByLabel('Họ và tên').fill(STAFF.fullName);
    await page.getByRole('combobox', { name: 'Vai trò' }).first().click();
    await page.getByRole('option', { name: 'Cán bộ phòng, ban, đơn vị trực thuộc' }).click();
    await page.getByRole('combobox', { name: 'Đơn vị' }).click();
    await page.getByRole('option', { name: UNIT.name }).click();
    await page.getByRole('combobox', { name: 'Phòng, ban' }).click();
    await page.getByRole('option', { name: OFFICE_1 }).click();
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved(page, `Đã tạo tài khoản ${STAFF.username}`);
    await page.context().close();
  });

  await test.step('office 1 sees only its task, reports with evidence and completes it', async () => {
    const page = await signIn(browser, STAFF.username);
    const trouble = watchTrouble(page);
    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: `Nhiệm vụ của ${UNIT.name} — ${OFFICE_1}` }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: TASK_1 })).toBeVisible();
    await expect(page.getByRole('link', { name: TASK_2 })).toHaveCount(0);
    await shot(page, testInfo, 'nhiem-vu-cua-van-phong');
    await page.getByRole('link', { name: TASK_1 }).click();
    await page
      .getByLabel('Báo cáo mới')
      .fill('Đã trình UBND huyện ban hành Kế hoạch CCHC năm 2027.');
    await page.getByLabel('Tiến độ (%)').fill('100');
    await page.locator('input[type=file]').setInputFiles({
      name: 'ke-hoach-cchc-2027.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('Ke hoach CCHC nam 2027 cua huyen Thanh Ha'),
    });
    await expect(page.getByText('Sẽ kèm theo:')).toContainText('ke-hoach-cchc-2027.pdf');
    await shot(page, testInfo, 'bao-cao-tien-do');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await saved(page, 'Đã gửi báo cáo tiến độ');
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await saved(page, 'Đã báo cáo hoàn thành');
    await expect(page.getByText('Hoàn thành đúng hạn').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'ke-hoach-cchc-2027.pdf' })).toBeVisible();
    trouble.expectClean();
    await page.context().close();
  });

  await test.step('the administrator runs the reminder scan', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Công việc nền' }).click();
    await page.getByRole('button', { name: 'Rà soát nhắc việc ngay' }).click();
    await saved(page, 'Đã đưa việc rà soát nhắc việc vào hàng đợi');
    const jobs = page.getByRole('table', { name: 'Công việc nền' });
    await expect(async () => {
      await page.reload();
      await expect(
        jobs.getByRole('row').filter({ hasText: 'Gửi nhắc việc' }).first(),
      ).toContainText('Hoàn thành');
    }).toPass({ timeout: 60_000 });
    await page.context().close();
  });

  const officer = await signIn(browser, OFFICER.username);
  const trouble = watchTrouble(officer);

  await test.step("office 2's task is overdue, and the reminder has arrived", async () => {
    await officer.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    const overdue = officer.getByRole('row').filter({ hasText: TASK_2 });
    await expect(overdue).toContainText(OFFICE_2);
    await expect(overdue).toContainText('Quá hạn chưa hoàn thành');
    await expect(officer.getByRole('row').filter({ hasText: TASK_1 })).toContainText(
      'Hoàn thành đúng hạn',
    );
    await shot(officer, testInfo, 'nhiem-vu-qua-han');
    // Office by office: Phòng Nội vụ has only the overdue one.
    await officer.getByRole('combobox', { name: 'Phòng, ban' }).click();
    await officer.getByRole('option', { name: OFFICE_2 }).click();
    await expect(officer.getByRole('link', { name: TASK_1 })).toHaveCount(0);
    await expect(
      officer.getByText('01 nội dung công việc quá hạn (Phòng Nội vụ: 01)'),
    ).toBeVisible();
    await officer.getByRole('link', { name: TASK_2 }).click();
    await expect(officer.getByRole('heading', { level: 2, name: TASK_2 })).toBeVisible();
    await expect(officer.getByText('31/12/2026 (quá hạn 12 ngày)')).toBeVisible();
    await expect(
      officer.getByRole('row', { name: 'Mục tiêu Tiêu chí 1.2 đạt 1,5 điểm', exact: true }),
    ).toBeVisible();
    // The plan row's text beyond its first line, which became the title.
    await expect(officer.getByRole('row').filter({ hasText: 'Mô tả, yêu cầu' })).toContainText(
      'Báo cáo tiến độ hằng tháng với Chủ tịch UBND huyện.',
    );
    await shot(officer, testInfo, 'nhiem-vu-qua-han-chi-tiet');
    const bell = officer.getByRole('link', { name: 'Thông báo: 1 chưa đọc' });
    await expect(bell).toBeVisible();
    await bell.click();
    const card = officer.getByRole('listitem').filter({ hasText: `Nhiệm vụ quá hạn: ${TASK_2}` });
    await expect(card).toContainText('có thời hạn ngày 31/12/2026 đã quá hạn mà chưa hoàn thành');
    await expect(card).toContainText('Chưa đọc');
    await shot(officer, testInfo, 'thong-bao-qua-han');
  });

  await test.step("the overdue task takes 0,5 off leaf 1.2 of this year's self-assessment", async () => {
    await officer.goto(`/ky-danh-gia/${periods.thisYear}/don-vi/${UNIT.id}?tc=1.2`);
    await expect(officer.getByRole('heading', { level: 3, name: `1.2. ${LEAF}` })).toBeVisible();
    await expect(officer.getByText('Tự chấm: 3,95/4 (98,75%)')).toBeVisible();
    await expect(officer.getByText('Đã lưu: 2 điểm')).toBeVisible();
    const tracking = officer.getByRole('alert').filter({ hasText: 'Theo dõi nhiệm vụ' });
    await expect(tracking).toContainText('Theo dõi nhiệm vụ: 1 nhiệm vụ quá hạn');
    const served = tracking.getByRole('table', { name: 'Nhiệm vụ phục vụ tiêu chí' });
    await expect(served.getByRole('row').filter({ hasText: TASK_2 })).toContainText(
      'Quá hạn chưa hoàn thành',
    );
    await tracking
      .getByRole('button', { name: 'Điền 1 vào ô "Số trường hợp bị trừ điểm"' })
      .click();
    await expect(officer.getByText(/Điểm tạm tính: .*1,5\/2/)).toBeVisible();
    await shot(officer, testInfo, 'tieu-chi-dem-nhiem-vu-qua-han');
    await officer.getByRole('button', { name: 'Lưu tiêu chí 1.2' }).click();
    await saved(officer, 'Đã lưu tiêu chí 1.2');
    await expect(officer.getByText('Đã lưu: 1,5 điểm')).toBeVisible();
    await expect(officer.getByText('Tự chấm: 3,45/4 (86,25%)')).toBeVisible();
    await shot(officer, testInfo, 'tieu-chi-da-tru-diem');
  });
  trouble.expectClean();
  await officer.context().close();
});
