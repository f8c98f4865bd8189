import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Api } from './support/api';
import { ADMIN, PASSWORD } from './support/constants';
import { xlsx } from './support/files';
import { expectFitsScreen, openAnonymous, PHONE, saved, shot, signIn } from './support/ui';

const COMMUNES = [
  { id: 'XHA', name: 'Xã Hòa An', type: 'xa', officer: 'cb.xha', head: 'tt.xha' },
  { id: 'XTP', name: 'Xã Tân Phú', type: 'xa', officer: 'cb.xtp', head: 'tt.xtp' },
] as const;
const PERIOD = (year: number) => `Chỉ số CCHC cấp xã năm ${year} (cổng công khai)`;
const OPEN = { opensAt: '01/01/2027 00:00', closesAt: '31/01/2027 24:00' };
const WINDOWS = {
  selfAssessment: OPEN,
  appraisal: OPEN,
  explanation: OPEN,
  council: OPEN,
  publication: OPEN,
};
/** Far after the tests' calendar (12/01/2027): the 2027 index stays under embargo. */
const EMBARGO = '2027-03-01T09:00:00+07:00';

/** A commune framework of three leaves (the shape of seed 000's first areas). */
const communeFramework = (year: number) => [
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 3, null],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm',
    1,
    `{"kind":"timeliness","deadline":"${year}-01-31","latePoints":"0,5"}`,
  ],
  [
    '1.2',
    'Thực hiện các nhiệm vụ được UBND huyện giao',
    2,
    '{"kind":"deduction","pointsPerOccurrence":"0,5"}',
  ],
  ['2', 'Cải cách thủ tục hành chính', 1, null],
  [
    '2.1',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    1,
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,95"},{"minPercent":90,"points":"0,5"}]}',
  ],
];

type Facts = Record<string, Record<string, unknown>>;

/** Each year's facts per commune: Hòa An ahead in 2025, Tân Phú ahead in 2026. */
const FACTS: Record<number, Record<string, Facts>> = {
  2025: {
    XHA: {
      '1.1': { completedOn: '2025-01-20' },
      '1.2': { occurrences: 1 },
      '2.1': { numerator: 596, denominator: 596 },
    },
    XTP: {
      '1.1': { completedOn: '2025-02-10' },
      '1.2': { occurrences: 2 },
      '2.1': { numerator: 574, denominator: 596 },
    },
  },
  2026: {
    XHA: {
      '1.1': { completedOn: '2026-02-15' },
      '1.2': { occurrences: 2 },
      '2.1': { numerator: 580, denominator: 596 },
    },
    XTP: {
      '1.1': { completedOn: '2026-01-15' },
      '1.2': { occurrences: 0 },
      '2.1': { numerator: 596, denominator: 596 },
    },
  },
  2027: {
    XHA: {
      '1.1': { completedOn: '2027-01-10' },
      '1.2': { occurrences: 0 },
      '2.1': { numerator: 596, denominator: 596 },
    },
    XTP: {
      '1.1': { completedOn: '2027-01-10' },
      '1.2': { occurrences: 0 },
      '2.1': { numerator: 596, denominator: 596 },
    },
  },
};

async function as<T>(username: string, password: string, act: (api: Api) => Promise<T>) {
  const api = await Api.signIn(username, password);
  try {
    return await act(api);
  } finally {
    await api.dispose();
  }
}

/** A year's period for both communes, assessed, appraised and approved, ready to publish. */
async function approvedYear(year: number): Promise<string> {
  const periodId = await as(ADMIN.username, ADMIN.password, async (admin) => {
    const query = new URLSearchParams({
      name: `Bộ chỉ số cấp xã năm ${year} (cổng công khai)`,
      year: String(year),
      unitType: 'xa',
    });
    const framework = await admin.importFile(
      `/frameworks/import?${query.toString()}`,
      `bo-chi-so-xa-${year}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsx('Bộ chỉ số', communeFramework(year)),
    );
    const period = await admin.send('POST', '/periods', {
      name: PERIOD(year),
      year,
      frameworks: { xa: framework.id },
      windows: WINDOWS,
      unitIds: COMMUNES.map((c) => c.id),
    });
    const users = (await admin.get('/users')) as unknown as { id: string; username: string }[];
    for (const commune of COMMUNES)
      await admin.send('PUT', `/periods/${period.id as string}/units/${commune.id}/appraisers`, {
        appraiserIds: [users.find((u) => u.username === 'td1')!.id],
      });
    return period.id as string;
  });
  for (const commune of COMMUNES) {
    const base = `/periods/${periodId}/units/${commune.id}`;
    await as(commune.officer, PASSWORD, async (officer) => {
      for (const [code, facts] of Object.entries(FACTS[year]![commune.id]!)) {
        const { entries } = (await officer.get(`${base}/assessment`)) as {
          entries: { code: string; version: number }[];
        };
        await officer.send('PUT', `${base}/entries/${code}`, {
          facts,
          explanation: 'Số liệu theo báo cáo năm của xã',
          version: entries.find((e) => e.code === code)!.version,
        });
      }
    });
    await as(commune.head, PASSWORD, (head) => head.send('POST', `${base}/submit`));
    // The first closes the appraisal round, the second the appraisal (no explanation asked).
    await as('td1', PASSWORD, async (appraiser) => {
      await appraiser.send('POST', `${base}/finalise`);
      await appraiser.send('POST', `${base}/finalise`);
    });
  }
  await as('hd1', PASSWORD, (council) =>
    council.send('POST', `/periods/${periodId}/approve`, {
      decisionNumber: `${year - 2020}/QĐ-UBND`,
      decisionDate: '2027-01-12',
    }),
  );
  return periodId;
}

/** The communes, their officers and heads; three years approved; 2025 public at once. */
async function arrange(): Promise<Record<number, string>> {
  await as(ADMIN.username, ADMIN.password, async (admin) => {
    for (const commune of COMMUNES) {
      await admin.send('PUT', `/units/${commune.id}`, { name: commune.name, type: commune.type });
      for (const [username, role] of [
        [commune.officer, 'unitOfficer'],
        [commune.head, 'unitHead'],
      ] as const)
        await admin.send('POST', '/users', {
          username,
          fullName: `Cán bộ ${commune.name}`,
          role,
          unitId: commune.id,
          password: PASSWORD,
        });
    }
  });
  const ids: Record<number, string> = {};
  for (const year of [2025, 2026, 2027]) ids[year] = await approvedYear(year);
  await as(ADMIN.username, ADMIN.password, async (admin) => {
    await admin.send('POST', `/periods/${ids[2025]}/publish`, {});
    await admin.send('POST', `/periods/${ids[2027]}/publish`, { publicFrom: EMBARGO });
  });
  return ids;
}

/** Nothing on the page is wider than the phone, and a screenshot is kept. */
async function checkPage(page: Page, info: Parameters<typeof shot>[1], name: string) {
  await expectFitsScreen(page);
  await shot(page, info, name);
}

test('a citizen on a phone opens the portal, finds a commune, sees its trend and downloads the CSV', async ({
  browser,
}, testInfo) => {
  const ids = await arrange();

  await test.step('the administrator publishes 2026, the portal open at once', async () => {
    const page = await signIn(browser, ADMIN.username, ADMIN.password);
    await page.goto(`/ky-danh-gia/${ids[2026]}`);
    await expect(page.getByLabel('Công khai trên cổng kết quả từ')).toHaveValue('12/01/2027 09:00');
    await shot(page, testInfo, 'quan-tri-buoc-cong-bo');
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Công bố kết quả ${PERIOD(2026)}?` });
    await expect(dialog).toContainText('hiện kết quả ngay khi công bố');
    await dialog.getByRole('button', { name: 'Công bố kết quả' }).click();
    await saved(page, 'Đã công bố kết quả');
    await expect(page.getByText('Kết quả đã công khai cho mọi người từ')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Xem trang của kỳ trên cổng kết quả' }),
    ).toHaveAttribute('href', `/cong-khai/${ids[2026]}`);
    await shot(page, testInfo, 'quan-tri-da-cong-khai');

    // The 2027 index is published but embargoed: the administrator moves its opening.
    await page.goto(`/ky-danh-gia/${ids[2027]}`);
    await expect(page.getByText('Cổng kết quả mở lúc 01/03/2027 09:00')).toBeVisible();
    await page.getByLabel('Đổi thời điểm công khai (giờ Việt Nam)').fill('02/03/2027 08:00');
    await page.getByRole('button', { name: 'Lưu thời điểm công khai' }).click();
    await saved(page, 'Đã đổi thời điểm công khai');
    await expect(page.getByText('Cổng kết quả mở lúc 02/03/2027 08:00')).toBeVisible();
    await shot(page, testInfo, 'quan-tri-hen-cong-khai');
    await page.context().close();
  });

  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2027-01-12T09:00:00+07:00'));
  page.on('pageerror', (error) => {
    throw error;
  });

  await test.step('the list of public periods, newest first, without the embargoed one', async () => {
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: /Kết quả Chỉ số CCHC đã công bố/ }).click();
    await expect(page).toHaveURL(/\/cong-khai$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Kết quả Chỉ số CCHC đã công bố',
    );
    const titles = page.getByRole('heading', { level: 2 });
    await expect(titles.filter({ hasText: 'cổng công khai' })).toHaveText([
      PERIOD(2026),
      PERIOD(2025),
    ]);
    await expect(page.getByText(PERIOD(2027))).toHaveCount(0);
    await checkPage(page, testInfo, 'dien-thoai-cac-ky');
  });

  await test.step('the period: the communes block with its band distribution', async () => {
    await page.getByRole('link', { name: PERIOD(2026) }).click();
    await expect(page).toHaveURL(`/cong-khai/${ids[2026]}`);
    const block = page.getByRole('region', { name: 'Khối UBND xã' });
    await expect(block.getByText('Chỉ số trung bình', { exact: true })).toBeVisible();
    await expect(block.locator('.recharts-surface').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Tải CSV' })).toBeVisible();
    await expect(page.getByText('CC BY 4.0').first()).toBeVisible();
    await checkPage(page, testInfo, 'dien-thoai-ky');
  });

  await test.step('the ranking, searched without diacritics', async () => {
    await page
      .getByRole('region', { name: 'Khối UBND xã' })
      .getByRole('link', { name: 'Xem bảng xếp hạng' })
      .click();
    await expect(page).toHaveURL(`/cong-khai/${ids[2026]}/khoi/xa`);
    const ranking = page.getByRole('table', { name: 'Xếp hạng Khối UBND xã' });
    await expect(ranking.getByRole('row')).toHaveCount(3);
    // Tân Phú first in 2026, up one place on 2025 (said in words for a screen reader).
    await expect(ranking.getByRole('row').nth(1)).toContainText('Xã Tân Phú');
    await expect(ranking.getByRole('row').nth(1)).toContainText('tăng 1 bậc so với năm trước');
    await checkPage(page, testInfo, 'dien-thoai-xep-hang');
    await page.getByLabel('Tìm đơn vị').fill('xa hoa');
    await expect(page.getByText('Tìm thấy 1 đơn vị.')).toBeVisible();
    await expect(ranking.getByRole('row')).toHaveCount(2);
    await expect(ranking).toContainText('Xã Hòa An');
    await checkPage(page, testInfo, 'dien-thoai-tim-don-vi');
    await ranking.getByRole('link', { name: 'Xã Hòa An' }).click();
  });

  await test.step('the commune: its trend over both years as a chart and a table', async () => {
    await expect(page).toHaveURL(`/cong-khai/${ids[2026]}/don-vi/XHA`);
    await expect(page.getByRole('heading', { level: 1, name: 'Xã Hòa An' })).toBeVisible();
    const trend = page.getByRole('region', { name: 'Chỉ số qua các năm' });
    await expect(trend.locator('svg.recharts-surface')).toBeVisible();
    await trend.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = trend.getByRole('table');
    await expect(table).toBeVisible();
    // Both public years, oldest first; the embargoed 2027 is nowhere.
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText('2025');
    await expect(table.getByRole('row').nth(2)).toContainText('2026');
    await expect(
      page.getByRole('region', { name: /Các lĩnh vực so với trung bình/ }),
    ).toBeVisible();
    await page.getByRole('button', { name: /1\. Công tác chỉ đạo, điều hành CCHC/ }).click();
    await expect(page.getByText('1.1. Ban hành kế hoạch CCHC năm')).toBeVisible();
    await checkPage(page, testInfo, 'dien-thoai-don-vi');
  });

  await test.step('the CSV of the whole result', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header = '', ...rows] = text.split(/\r?\n/).filter((line) => line !== '');
    expect(header).toContain('Mã đơn vị');
    expect(header).toContain('Chỉ số (%)');
    expect(rows).toHaveLength(2);
    const row = rows.find((line) => line.includes('XHA'));
    expect(row).toContain('Xã Hòa An');
    expect(row).toContain('2026');
  });

  await test.step('an embargoed period: not found, nothing told', async () => {
    await page.goto(`/cong-khai/${ids[2027]}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy kết quả');
    await expect(page.getByText('chưa đến thời điểm công khai')).toBeVisible();
    await expect(page.getByText(PERIOD(2027))).toHaveCount(0);
    await checkPage(page, testInfo, 'dien-thoai-chua-cong-khai');
    await page.goto(`/cong-khai/${ids[2027]}/don-vi/XHA`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy kết quả');
  });
  await context.close();

  await test.step('the same pages on a wide screen', async () => {
    const wide = await openAnonymous(browser, { width: 1280, height: 900 });
    for (const [path, name] of [
      ['/cong-khai', 'rong-cac-ky'],
      [`/cong-khai/${ids[2026]}`, 'rong-ky'],
      [`/cong-khai/${ids[2026]}/khoi/xa`, 'rong-xep-hang'],
      [`/cong-khai/${ids[2026]}/don-vi/XHA`, 'rong-don-vi'],
    ] as const) {
      await wide.goto(path);
      await expect(wide.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(wide.getByText('Đang tải…')).toHaveCount(0);
      await checkPage(wide, testInfo, name);
    }
    await wide.context().close();
  });
});
