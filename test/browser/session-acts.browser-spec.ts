import { addDays, businessCalendar } from '@app/domain';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { todayInMexicoCity } from '../support/dates';
import { checkPage, openForm, submitAndReload } from './support/board-acts';
import { businessDaysAhead, launchChromium, newPage, type OpenPage, signIn } from './support/browser';

/**
 * Issue 21, the acts of an STL from the board, as Nuevo León's garante (19, a seeded installed STL that decides by
 * consensus, then by majority, and that no other browser test touches): each test does one act with its form and
 * checks what a person then sees on the page.
 */
jest.setTimeout(300_000);

let browser: Browser;
let opened: OpenPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await opened?.context.close();
  expect(opened?.errors ?? []).toEqual([]);
  opened = undefined;
});

afterAll(async () => {
  await browser?.close();
});

const STATE_PAGE = '/tablero/entidades/19';

async function signedIn(): Promise<Page> {
  opened = await newPage(browser);
  const { page } = opened;
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, 'garante-19', STATE_PAGE);
  return page;
}

const sessionRow = (page: Page, date: string): Locator => page.locator(`#tabla-sesiones tbody tr[data-date="${date}"]`);

/** A session held `daysAgo` days ago, convened in time back then: recorded as the historical act it is. */
async function conveneHeldSession(page: Page, daysAgo: number, agenda: string): Promise<string> {
  const held = addDays(todayInMexicoCity(), -daysAgo);
  const convene = await openForm(page, 'form-convocar');
  await convene.locator('#sesion-fecha').fill(held);
  await convene.locator('#sesion-convocatoria').fill(businessCalendar().addBusinessDays(held, -8));
  await convene.locator('#sesion-historica').fill('Convocada por oficio antes de usar el tablero.');
  await convene.locator('#sesion-orden').fill(agenda);
  await submitAndReload(page, convene);
  return held;
}

/** The form's session select, pointed at the session held on `date`. */
async function chooseSession(page: Page, select: string, date: string): Promise<void> {
  const sessionId = await sessionRow(page, date).getAttribute('data-session');
  await page.locator(select).selectOption(sessionId ?? '');
}

describe('sessions of the STL from the board', () => {
  it('cancels a convened session: the table shows it cancelled, with its reason', async () => {
    const page = await signedIn();
    const date = businessDaysAhead(14);
    const convene = await openForm(page, 'form-convocar');
    await convene.locator('#sesion-fecha').fill(date);
    await convene.locator('#sesion-orden').fill('Seguimiento de compromisos');
    await submitAndReload(page, convene);

    const cancel = await openForm(page, 'form-cancelar');
    await chooseSession(page, '#cancelar-sesion', date);
    await cancel.locator('#cancelar-motivo').fill('Se empalma con el informe anual del organismo garante.');
    await submitAndReload(page, cancel);

    const row = sessionRow(page, date);
    await expect(row.textContent()).resolves.toContain('Cancelada');
    await expect(row.textContent()).resolves.toContain('Se empalma con el informe anual del organismo garante.');
    await checkPage(page);
  });

  it('records a session held without attendees once «Sesión sin asistentes» is ticked: no quorum, nobody present', async () => {
    const page = await signedIn();
    const held = await conveneHeldSession(page, 9, 'Lista de asistencia');

    const attendance = await openForm(page, 'form-asistencia');
    await chooseSession(page, '#asistencia-sesion', held);
    await attendance.locator('#asistencia-sin-asistentes').check();
    await submitAndReload(page, attendance);

    const row = sessionRow(page, held);
    await expect(row.textContent()).resolves.toContain('Sin quórum');
    await expect(row.textContent()).resolves.toMatch(/0 de \d+ representaciones/);
  });

  it('records who attended, a decision with each vote by name, and approves the minutes', async () => {
    const page = await signedIn();
    const held = await conveneHeldSession(page, 6, 'Lista de asistencia\nCalendario de sesiones');

    const attendance = await openForm(page, 'form-asistencia');
    await chooseSession(page, '#asistencia-sesion', held);
    const titulares = attendance.locator('label', { hasText: ', titular' }).locator('input[name=present]');
    for (const titular of await titulares.all()) await titular.check();
    await submitAndReload(page, attendance);
    await expect(sessionRow(page, held).textContent()).resolves.toContain('Con quórum');

    const decision = await openForm(page, 'form-acuerdo');
    await chooseSession(page, '#acuerdo-sesion', held);
    await decision.locator('#acuerdo-asunto').fill('Calendario de sesiones del próximo año');
    const votes = decision.locator('label', { hasText: ', titular' }).locator('select[data-vote]');
    for (const vote of await votes.all()) await vote.selectOption('favor');
    await submitAndReload(page, decision);
    const decisions = sessionRow(page, held).locator('td').nth(4);
    await expect(decisions.textContent()).resolves.toContain('Calendario de sesiones del próximo año');
    await expect(decisions.textContent()).resolves.toContain('Aprobado');
    await expect(sessionRow(page, held).textContent()).resolves.toContain('Acta pendiente');

    const minutes = await openForm(page, 'form-acta');
    await chooseSession(page, '#acta-sesion', held);
    for (const signature of await minutes.locator('input[name=signedBy]').all()) await signature.uncheck();
    for (const signature of await minutes.locator('label', { hasText: ', titular' }).locator('input[name=signedBy]').all()) await signature.check();
    await submitAndReload(page, minutes);
    await expect(sessionRow(page, held).textContent()).resolves.toContain('Acta aprobada');
    await expect(sessionRow(page, held).textContent()).resolves.not.toContain('Acta pendiente');
    await checkPage(page);
  });
});

describe('members of the STL from the board', () => {
  it('records a resignation: the person leaves the list of members and the count goes down by one', async () => {
    const page = await signedIn();
    const stl = page.locator('#stl').locator('xpath=..');
    const choice = page.locator('#renuncia-integrante option').nth(1);
    const memberId = await choice.getAttribute('value');
    const label = (await choice.textContent()) ?? '';
    const nombre = label.split(' — ')[0].trim();
    const before = Number(await stl.locator('.facts > div', { hasText: 'Integrantes' }).locator('dd').textContent());

    const resign = await openForm(page, 'form-renuncia');
    await resign.locator('#renuncia-integrante').selectOption(memberId ?? '');
    await submitAndReload(page, resign);

    await expect(stl.locator('table').textContent()).resolves.not.toContain(nombre);
    await expect(page.locator(`#renuncia-integrante option[value="${memberId}"]`).count()).resolves.toBe(0);
    await expect(stl.locator('.facts > div', { hasText: 'Integrantes' }).locator('dd').textContent()).resolves.toBe(String(before - 1));
  });
});
