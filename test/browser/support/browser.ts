import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { businessCalendar, type LocalDate } from '@app/domain';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../support/auth';
import { todayInMexicoCity } from '../../support/dates';

/** Debian's chromium (scripts/bootstrap.sh --for-tests installs it); never a browser that Playwright downloads. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** This machine has no internet: without these, Chromium stalls on background connections. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS_DIR = join(__dirname, '../../../artifacts/screenshots');

/** A laptop screen, the size the board is designed for. */
export const LAPTOP = { width: 1366, height: 768 };

/** Headless, with a fresh profile in a temporary folder of its own (Playwright's `launch` makes one per browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
  const url = process.env.E2E_API_URL;
  if (!url) throw new Error('E2E_API_URL is not set: run browser tests through their Jest project');
  return url;
}

export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors of the page and failed same-origin requests other than the ones a test provokes. */
  readonly errors: string[];
}

/** A fresh context (no cookies) with one page, recording the page's script errors. */
export async function newPage(browser: Browser): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * One Chromium for the spec file and fresh pages for each test: after each test its pages are closed, and a script
 * error recorded on any of them fails it. Call once at the top of the file; the function it returns opens a page.
 */
export function pagesPerTest(): () => Promise<OpenPage> {
  let browser: Browser | undefined;
  let open: OpenPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    const closing = open;
    open = [];
    for (const { context, errors } of closing) {
      await context.close();
      expect(errors).toEqual([]);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async () => {
    if (!browser) throw new Error('Chromium is not running: open pages inside tests');
    const opened = await newPage(browser);
    open.push(opened);
    return opened;
  };
}

/** The login form, with the keyboard: type, then Enter. */
export async function signIn(page: Page, username: string, from = '/tablero'): Promise<void> {
  await page.goto(`${baseUrl()}${from}`);
  await page.waitForURL(/\/tablero\/login/);
  await page.fill('#usuario', username);
  await page.fill('#contrasena', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/tablero/login')), page.press('#contrasena', 'Enter')]);
}

/** artifacts/screenshots/<name>.png: what the laptop screen shows, or with `fullPage` the whole page. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** `count` business days after today in Mexico City, on the federal calendar (the seeded STLs add no days of their own). */
export function businessDaysAhead(count: number): LocalDate {
  return businessCalendar().addBusinessDays(todayInMexicoCity(), count);
}
