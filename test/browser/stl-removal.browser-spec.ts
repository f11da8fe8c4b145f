import { addDays, businessCalendar, type LocalDate } from '@app/domain';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { todayInMexicoCity } from '../support/dates';
import { statesOf } from '../support/e2e-states';
import { checkPage, openForm, submitAndReload } from './support/board-acts';
import { baseUrl, launchChromium, screenshot, signIn } from './support/browser';

/**
 * Issue 17's removal, carried by the board as a garante would (mecanismo-gobernanza-edomex.md, cap. III, 5: "alguno
 * de los integrantes del STL propondrán la remoción del cargo y ésta será votada en la siguiente sesión"): a member
 * proposes, a later session votes it by name under the STL's own rule, the removal is recorded with that vote, and
 * the page says so. Morelos decides by consensus or a majority with a vote in favour from each of its four sectors,
 * so the one removed is the government's suplente: the four titulares can all vote. Done on a phone, read again on a laptop.
 */
jest.setTimeout(300_000);

const { morelos } = statesOf('stl-removal', __filename);
const STATE_PAGE = `/tablero/entidades/${morelos}`;
const today = todayInMexicoCity();
const daysAgo = (days: number): LocalDate => addDays(today, -days);

let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function openAt(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 640, hasTouch: width < 640, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

async function act(page: Page, formId: string, fill: (form: Locator) => Promise<void>): Promise<void> {
  const form = await openForm(page, formId);
  await fill(form);
  await submitAndReload(page, form);
  await checkPage(page);
}

/** The value of the option of `select` whose text has `text`. */
async function optionWith(form: Locator, select: string, text: string | RegExp): Promise<string> {
  return (await form.locator(`${select} option`, { hasText: text }).first().getAttribute('value')) ?? '';
}

const removalRow = (page: Page, memberId: string): Locator => page.locator(`#tabla-remociones tbody tr[data-member="${memberId}"]`);

describe('removing a member of the STL through the board (issue 17, item 3; issue 21)', () => {
  it('a member proposes, a later session votes it by name, the member is removed and the page shows it; at 390 and 1280 px', async () => {
    const phone = await openAt(390, 844);
    await signIn(phone, `garante-${morelos}`, STATE_PAGE);
    await checkPage(phone);

    const suplente = phone.locator('#remocion-integrante option', { hasText: 'Gobierno, suplente' }).first();
    const suplenteId = await suplente.getAttribute('value');
    const SUPLENTE = ((await suplente.textContent()) ?? '').split(' — ')[0].trim();
    expect(suplenteId).toBeTruthy();

    const proposedOn = daysAgo(20);
    await act(phone, 'form-remocion', async (form) => {
      await form.locator('#remocion-integrante').selectOption(suplenteId ?? '');
      await form.locator('#remocion-causa').selectOption('incumplimiento_normas');
      await form.locator('#remocion-propone').selectOption(await optionWith(form, '#remocion-propone', 'Organismo garante, titular'));
      await form.locator('#remocion-fecha').fill(proposedOn);
    });
    await expect(removalRow(phone, suplenteId ?? '').textContent()).resolves.toMatch(/Pendiente\s*La vota el STL en una sesión posterior/);

    // The next session, held after the proposal: convened back then, recorded now as the historical act it is.
    const held = daysAgo(6);
    await act(phone, 'form-convocar', async (form) => {
      await form.locator('#sesion-fecha').fill(held);
      await form.locator('#sesion-convocatoria').fill(businessCalendar().addBusinessDays(held, -8));
      await form.locator('#sesion-historica').fill('Convocada por oficio antes de usar el tablero.');
      await form.locator('#sesion-orden').fill(`Lista de asistencia\nPropuesta de remoción de ${SUPLENTE}`);
    });
    const sessionId = (await phone.locator(`#tabla-sesiones tbody tr[data-date="${held}"]`).getAttribute('data-session')) ?? '';
    await act(phone, 'form-asistencia', async (form) => {
      await form.locator('#asistencia-sesion').selectOption(sessionId);
      for (const titular of await form.locator('label', { hasText: ', titular' }).locator('input[name=present]').all()) await titular.check();
    });

    await act(phone, 'form-acuerdo', async (form) => {
      await form.locator('#acuerdo-sesion').selectOption(sessionId);
      await form.locator('#acuerdo-asunto').fill(`Remoción de ${SUPLENTE} por incumplimiento de las normas`);
      await form.locator('#acuerdo-acto').selectOption('remove_member');
      await form.locator('#acuerdo-acto-integrante').selectOption(suplenteId ?? '');
      for (const vote of await form.locator('label', { hasText: ', titular' }).locator('select[data-vote]').all()) await vote.selectOption('favor');
    });
    const decisions = phone.locator(`#tabla-sesiones tbody tr[data-session="${sessionId}"] td`).nth(4);
    await expect(decisions.textContent()).resolves.toContain('Aprobado');
    await expect(decisions.locator('[data-votes="A favor"]').textContent()).resolves.toMatch(/^A favor: .+, .+, .+, .+$/);
    await expect(removalRow(phone, suplenteId ?? '').textContent()).resolves.toMatch(/Votada\s*Acuerdo 1 de la sesión del/);

    await act(phone, 'form-remocion-decision', async (form) => {
      await form.locator('#decision-remocion-integrante').selectOption(suplenteId ?? '');
      await form.locator('#decision-remocion-sesion').selectOption(sessionId);
      await form.locator('#decision-remocion-acuerdo').selectOption('1');
    });

    const laptop = await openAt(1280, 800);
    await signIn(laptop, `garante-${morelos}`, STATE_PAGE);
    for (const [page, width] of [[phone, 390], [laptop, 1280]] as const) {
      await page.goto(`${baseUrl()}${STATE_PAGE}`);
      await checkPage(page);
      await page.locator('#remociones').scrollIntoViewIfNeeded();
      await screenshot(page, `remocion-${width}`);
      const row = removalRow(page, suplenteId ?? '');
      await expect(row.textContent()).resolves.toContain(SUPLENTE);
      await expect(row.textContent()).resolves.toContain('Incumplimiento de las normas del STL');
      await expect(row.textContent()).resolves.toMatch(/Removido el .+Acuerdo 1 de la sesión del/s);
      await expect(page.locator('#tabla-integrantes').textContent()).resolves.not.toContain(SUPLENTE);
      await expect(page.locator(`#remocion-integrante option[value="${suplenteId}"]`).count()).resolves.toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

describe('the public page of the same state (issue 21)', () => {
  it('marks the session convened as a historical act and the act without a registered session, with their justifications', async () => {
    const garante = await openAt(1280, 800);
    await signIn(garante, `garante-${morelos}`, STATE_PAGE);
    await act(garante, 'form-facilitador-vacante', async (form) => {
      await form.locator('#vacante-fecha').fill(daysAgo(4));
      await form.locator('#vacante-motivo').fill('Renunció a la facilitación por cambio de adscripción.');
    });
    await act(garante, 'form-facilitador', async (form) => {
      await form.locator('#facilitador-nombre').fill('Mariana Ocampo Reyes');
      await form.locator('#facilitador-procedencia').fill('Academia – UAEMor');
      await form.locator('#facilitador-fecha').fill(daysAgo(3));
      await form.locator('#facilitador-justificacion').fill('Ratificada en reunión de la que no se levantó acta.');
    });

    for (const [width, height] of [[390, 844], [1280, 800]] as const) {
      const page = await openAt(width, height);
      await page.goto(`${baseUrl()}/tablero/publico/${morelos}`);
      await checkPage(page);
      const body = (await page.locator('main, body').first().innerText()).replace(/\s+/g, ' ');
      expect(body).toContain('Acto histórico Convocada por oficio antes de usar el tablero.');
      expect(body).toMatch(/Acto sin sesión registrada El nombramiento del facilitador, del .+: Ratificada en reunión de la que no se levantó acta\./);
      expect(body).not.toContain('Mariana Ocampo Reyes');
    }
    expect(errors).toEqual([]);
  });
});

describe('the suggestion after absences, where the mechanism counts them (issue 17, item 3)', () => {
  // mecanismo-gobernanza-edomex.md, cap. III, 5: the removal follows "tres inasistencias consecutivas" to sessions.
  it('three sessions missed in a row under a mechanism that counts them suggest the removal, and its link opens the proposal', async () => {
    const page = await openAt(390, 844);
    await signIn(page, `garante-${morelos}`, STATE_PAGE);
    const absent = page.locator('#remocion-integrante option', { hasText: 'Sociedad civil, titular' }).first();
    const absentId = (await absent.getAttribute('value')) ?? '';
    for (const businessDaysAgo of [3, 2, 1]) {
      const held = businessCalendar().addBusinessDays(today, -businessDaysAgo);
      await act(page, 'form-convocar', async (form) => {
        await form.locator('#sesion-fecha').fill(held);
        await form.locator('#sesion-convocatoria').fill(businessCalendar().addBusinessDays(held, -8));
        await form.locator('#sesion-historica').fill('Convocada por oficio antes de usar el tablero.');
        await form.locator('#sesion-orden').fill('Seguimiento del plan de trabajo');
      });
      const sessionId = (await page.locator(`#tabla-sesiones tbody tr[data-date="${held}"]`).getAttribute('data-session')) ?? '';
      await act(page, 'form-asistencia', async (form) => {
        await form.locator('#asistencia-sesion').selectOption(sessionId);
        for (const titular of await form.locator('label', { hasText: ', titular' }).locator('input[name=present]').all()) {
          if ((await titular.getAttribute('value')) !== absentId) await titular.check();
        }
      });
    }
    await expect(page.locator(`li[data-removal-suggestion="${absentId}"]`).count()).resolves.toBe(0);

    await act(page, 'form-mecanismo-stl', async (form) => {
      await form.locator('#mecanismo-stl-plantilla').selectOption('edomex_2019');
      await form.locator('#mecanismo-stl-avance').fill('3');
      await form.locator('#mecanismo-stl-justificacion').fill('Adoptado por el STL en sesión de la que no se levantó acta.');
    });
    await expect(page.locator('#mecanismo + dl.facts').textContent()).resolves.toMatch(/Reporte de avance de los compromisos\s*Cada 3 meses \(trimestre\)/);
    const suggestion = page.locator(`li[data-removal-suggestion="${absentId}"]`);
    await expect(suggestion.textContent()).resolves.toMatch(/3 inasistencias seguidas/);

    await suggestion.locator('a', { hasText: 'Proponer la remoción' }).click();
    const proposal = page.locator('details#form-remocion[open]');
    await proposal.waitFor();
    await proposal.locator('#remocion-integrante').selectOption(absentId);
    await proposal.locator('#remocion-causa').selectOption('inactividad');
    await proposal.locator('#remocion-propone').selectOption(await optionWith(proposal, '#remocion-propone', 'Gobierno, titular'));
    await submitAndReload(page, proposal);
    await checkPage(page);
    await expect(removalRow(page, absentId).textContent()).resolves.toMatch(/Inactividad.+Pendiente\s*La vota el STL en una sesión posterior/s);
    await expect(page.locator(`li[data-removal-suggestion="${absentId}"]`).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
