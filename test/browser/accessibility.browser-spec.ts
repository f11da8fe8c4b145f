import { type Browser } from 'playwright-core';
import { axeViolations } from './support/axe';
import { baseUrl, launchChromium, newPage, type OpenPage, signIn } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function opened(username?: string): Promise<OpenPage> {
  const open = await newPage(browser);
  if (username) await signIn(open.page, username);
  return open;
}

/** Every page of the board, as the account that sees it, with its details open (the forms inside count too). */
const PAGES: readonly { readonly name: string; readonly path: string; readonly username?: string }[] = [
  { name: 'login', path: '/tablero/login' },
  { name: 'national board', path: '/tablero', username: 'coordinador' },
  { name: 'state page', path: '/tablero/entidades/14', username: 'garante-14' },
  { name: 'escalations', path: '/tablero/escalamientos', username: 'coordinador' },
  { name: 'public board', path: '/tablero/publico/14' },
  { name: 'accounts', path: '/tablero/cuentas', username: 'coordinador' },
  { name: 'password change', path: '/tablero/contrasena', username: 'garante-14' },
  { name: 'password from a link', path: '/tablero/contrasena?token=abcdefghijklmnopqrstuvwxyz012345' },
  { name: 'password reset request', path: '/tablero/contrasena' },
];

describe('accessibility: axe-core, WCAG 2.1 A and AA', () => {
  it.each(PAGES)('finds no violation on the $name page ($path)', async ({ path, username }) => {
    const { context, page } = await opened(username);
    try {
      await page.goto(`${baseUrl()}${path}`);
      await page.evaluate(`document.querySelectorAll('details').forEach((details) => details.setAttribute('open', ''))`);

      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
