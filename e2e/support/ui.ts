import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NOW, PASSWORD } from './constants';

type Viewport = { width: number; height: number };

export const TABLET: Viewport = { width: 820, height: 1180 };
export const PHONE: Viewport = { width: 390, height: 844 };

/** Fails when the page is wider than the screen (wide tables must scroll inside their box). */
export async function expectFitsScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${page.url()} rộng hơn màn hình ${overflow}px`).toBeLessThanOrEqual(0);
}

/** A new browser context for one person, on the fixed calendar, signed in through the form. */
export async function signIn(
  browser: Browser,
  username: string,
  password = PASSWORD,
  viewport?: Viewport,
): Promise<Page> {
  const page = await openAnonymous(browser, viewport);
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/dang-nhap/);
  return page;
}

/** A visitor with no account (the public after publication). */
export async function openAnonymous(browser: Browser, viewport?: Viewport): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  // Countdowns and dates in the browser read the same calendar as the server.
  await page.clock.setFixedTime(NOW);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-screenshots');
const counters = new Map<string, number>();

/** Saves a full-page screenshot as a test artefact: spec, step number, what it shows. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const count = (counters.get(testInfo.testId) ?? 0) + 1;
  counters.set(testInfo.testId, count);
  const spec = basename(testInfo.file, '.spec.ts');
  const path = join(SCREENSHOTS, `${spec}-${String(count).padStart(2, '0')}-${name}.png`);
  // Fixed header and navigation land mid-page in a full-page capture taken while scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Waits for the success notice of a save, so the next step starts from stored data. */
export async function saved(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('alert').filter({ hasText: text }).first()).toBeVisible();
}

/**
 * Watches a page for what a visitor must never cause: a request answered 401 or 403 (asking
 * for something they may not have) and an error in the console. `expectClean` fails naming them.
 */
export function watchTrouble(page: Page): { expectClean: () => void } {
  const trouble: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 401 || response.status() === 403)
      trouble.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.push(`console: ${message.text()}`);
  });
  return { expectClean: () => expect(trouble, trouble.join('\n')).toEqual([]) };
}
