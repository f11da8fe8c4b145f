import { DEVELOPMENT_MAIL_LINK_SECRET, signAnswerToken } from '@app/notifications';
import { type Browser, type Page } from 'playwright-core';
import { authenticatedApi } from '../support/auth';
import { todayInMexicoCity } from '../support/dates';
import { statesOf } from '../support/e2e-states';
import { e2eApi } from '../support/http';
import { checkPage } from './support/board-acts';
import { baseUrl, businessDaysAhead, launchChromium, signIn } from './support/browser';

/**
 * Issue 21, "phone first": every page of the board on the narrowest phone in use (360 px) and on a common one
 * (390 px), as the account that sees it, with every details open (its forms count too): no sideways scrolling and
 * no axe-core violation. Screenshots go to WIDTH_SCREENSHOTS_DIR (default /tmp), to be looked at, not compared.
 */
jest.setTimeout(300_000);

const SCREENSHOTS_AT = process.env.WIDTH_SCREENSHOTS_DIR ?? '/tmp';
/** Screenshots in slices of this height, readable at their width. */
const SLICE = 1_200;

interface Viewed {
  readonly name: string;
  readonly path: string | (() => string);
  readonly username?: string;
  /** What the page must show, so that a page that fits only because it failed does not pass. */
  readonly shows?: string;
}

const PAGES: readonly Viewed[] = [
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

const { veracruz } = statesOf('widths', __filename);
/** Set once Veracruz has a convened session that two members answered; read when the tests run. */
let convocation = '';

/**
 * The forms and blocks issue 17 added, each where a person meets it, on a common phone (390×844) and a laptop:
 * Veracruz's page with a session convened with its hours and answered by two members (the confirmations and the
 * quorum they forecast), the governance mechanism's form and the convocation form with start and end times (open
 * like every details), and the page a convened member reaches from the e-mail's link.
 */
const NEW_VIEWS: readonly Viewed[] = [
  {
    name: 'entidad-convocada',
    path: `/tablero/entidades/${veracruz}`,
    username: `garante-${veracruz}`,
    shows: '#form-mecanismo-stl #mecanismo-stl-plantilla, #form-convocar #sesion-inicio, #form-convocar #sesion-termino, [data-forecast] [data-answer="asistire"]',
  },
  { name: 'convocatoria', path: () => convocation, shows: '#respuesta[data-answer="asistire"]' },
];


/** Veracruz convenes a session and two titulares answer it from their links, one yes and one no. */
async function conveneAndAnswer(): Promise<void> {
  const garante = authenticatedApi(e2eApi(), `garante-${veracruz}`);
  const convened = await garante.post(`/api/stls/${veracruz}/sessions`, {
    date: businessDaysAhead(12),
    kind: 'ordinaria',
    convokedOn: todayInMexicoCity(),
    startTime: '10:00',
    endTime: '13:30',
    place: 'Sala de juntas del Instituto Veracruzano de Acceso a la Información y Protección de Datos Personales',
    agenda: ['Seguimiento de los compromisos del Plan de Acción Local', 'Calendario de sesiones del próximo año'],
  });
  expect({ status: convened.status, body: convened.body }).toMatchObject({ status: 201 });
  const { body } = await garante.get<{ members: readonly { memberId: string; role: string }[] }>(`/api/stls/${veracruz}`);
  const [first, second] = body.members.filter((member) => member.role === 'titular');
  // The link the worker mails, signed as the worker signs it under the development key the test system runs with.
  const link = (memberId: string) => `/tablero/convocatoria/${signAnswerToken({ entidad: veracruz, sessionId: convened.body.id, memberId }, DEVELOPMENT_MAIL_LINK_SECRET)}`;
  for (const [member, answer] of [[first, 'asistire'], [second, 'no_asistire']] as const) {
    const answered = await fetch(`${baseUrl()}${link(member.memberId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `respuesta=${answer}`,
      redirect: 'manual',
    });
    expect(answered.status).toBeLessThan(400);
  }
  convocation = link(first.memberId);
}

/**
 * Words of the shown column headers and table captions that a line break cuts in two ("Acu-erd-os" in a squeezed
 * column, "Cuentas" a letter per line above the cards): a header is read at a glance, so it may wrap between words,
 * or at a soft hyphen it offers ("Escala&shy;mientos"), only. Headers hidden by the phone layout are not shown.
 */
function headerWordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const broken = [];
    for (const th of document.querySelectorAll('thead th, caption')) {
      const head = (th.closest('thead') ?? th).getBoundingClientRect();
      if (head.width <= 2 || head.height <= 2) continue;
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/[^\\s\\u00ad]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  })()`);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function check(width: number, { name, path, username, shows }: Viewed, height = 800): Promise<void> {
  const context = await browser.newContext({
    viewport: { width, height },
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
    await page.goto(`${baseUrl()}${typeof path === 'string' ? path : path()}`);
    if (shows) await expect(page.locator(shows).count()).resolves.toBe(shows.split(', ').length);
    await checkPage(page);
    expect({ name, width, broken: await headerWordsBrokenAcrossLines(page) }).toEqual({ name, width, broken: [] });
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

describe('the forms and blocks of issue 17 on a phone and a laptop', () => {
  beforeAll(conveneAndAnswer);
  it.each(NEW_VIEWS)('at 390×844: $name fits the screen and has no axe violation', (page) => check(390, page, 844));
  it.each(NEW_VIEWS)('at 1280×800: $name has no axe violation', (page) => check(1280, page));
});
