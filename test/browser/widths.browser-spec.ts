import { type Browser } from 'playwright-core';
import { checkPage } from './support/board-acts';
import { baseUrl, launchChromium, signIn } from './support/browser';

/**
 * Issue 21, "phone first": every page of the board on the narrowest phone in use (360 px) and on a common one
 * (390 px), as the account that sees it, with every details open (its forms count too): no sideways scrolling and
 * no axe-core violation. Screenshots go to WIDTH_SCREENSHOTS_DIR (default /tmp), to be looked at, not compared.
 */
jest.setTimeout(300_000);

const SCREENSHOTS_AT = process.env.WIDTH_SCREENSHOTS_DIR ?? '/tmp';
/** Screenshots in slices of this height, readable at their width. */
const SLICE = 1_200;

const PAGES: readonly { readonly name: string; readonly path: string; readonly username?: string }[] = [
  { name: 'login', path: '/tablero/login' },
  { name: 'tablero-nacional', path: '/tablero', username: 'coordinador' },
  { name: 'entidad-garante', path: '/tablero/entidades/14', username: 'garante-14' },
  { name: 'entidad-coordinador', path: '/tablero/entidades/14', username: 'coordinador' },
  { name: 'entidad-con-pal', path: '/tablero/entidades/05', username: 'coordinador' },
  { name: 'entidad-sin-ejercicio', path: '/tablero/entidades/31', username: 'coordinador' },
  { name: 'bandeja', path: '/tablero/escalamientos', username: 'coordinador' },
  { name: 'publico', path: '/tablero/publico/14' },
  { name: 'cuentas', path: '/tablero/cuentas', username: 'coordinador' },
  { name: 'contrasena', path: '/tablero/contrasena', username: 'garante-14' },
  { name: 'contrasena-enlace', path: '/tablero/contrasena?token=abcdefghijklmnopqrstuvwxyz012345' },
  { name: 'contrasena-olvidada', path: '/tablero/contrasena' },
];

const AT_390 = PAGES.filter((page) => page.name === 'bandeja' || page.name === 'cuentas');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function check(width: number, { name, path, username }: (typeof PAGES)[number]): Promise<void> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    isMobile: true,
    hasTouch: true,
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    if (username) await signIn(page, username);
    await page.goto(`${baseUrl()}${path}`);
    await checkPage(page);
    await page.evaluate(`document.querySelectorAll('details').forEach((details) => details.setAttribute('open', ''))`);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    for (let top = 0; top < height; top += SLICE) {
      const clip = { x: 0, y: top, width, height: Math.min(SLICE, height - top) };
      await page.screenshot({ path: `${SCREENSHOTS_AT}/ancho-${width}-${name}-${top / SLICE}.png`, clip, fullPage: true });
    }
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
}

describe('every page of the board on a phone', () => {
  it.each(PAGES)('at 360 px: $name ($path) fits the screen and has no axe violation', (page) => check(360, page));
  it.each(AT_390)('at 390 px: $name ($path) fits the screen and has no axe violation', (page) => check(390, page));
});
