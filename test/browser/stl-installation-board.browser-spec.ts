import { addDays, type LocalDate } from '@app/domain';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { todayInMexicoCity } from '../support/dates';
import { statesOf } from '../support/e2e-states';
import { addMembersOnBoard, checkPage, followGuidance, openForm, submitAndReload } from './support/board-acts';
import { launchChromium, screenshot, signIn } from './support/browser';

/**
 * Issue 21, case 2, on a phone: a coordinador concludes the ten stages before electing any titular, so the STL
 * refuses the installation stage 10 asks for. Once the titulares, suplentes, facilitador, mecanismo and agenda are
 * on record, «Lo que falta» names only the installation, and its link opens the form that records it; step 3 then
 * completes.
 */
jest.setTimeout(300_000);

const { queretaro } = statesOf('stl-installation-board', __filename);
const STATE_PAGE = `/tablero/entidades/${queretaro}`;
const today = todayInMexicoCity();
const daysAgo = (days: number): LocalDate => addDays(today, -days);
const INSTALL = 'Instalar el STL y firmar su acta de instalación';

const TITULARES = [
  { sector: 'gobierno', nombre: 'Gabriela Rangel Olvera', organizacion: 'Secretaría de la Contraloría del estado' },
  { sector: 'sociedad_civil', nombre: 'Ernesto Ugalde Pérez', organizacion: 'Red Ciudadana Queretana, A.C.' },
  { sector: 'garante', nombre: 'Mariana Loyola Vega', organizacion: 'Instituto de Transparencia del estado' },
] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** One act of the board; the page is checked (axe-core, width) where the test looks at it, not after every act. */
async function act(page: Page, formId: string, fill: (form: Locator) => Promise<void>): Promise<void> {
  const form = await openForm(page, formId);
  await fill(form);
  await submitAndReload(page, form);
}

/** The items of «Lo que falta», once the exercise has heard from its STL (its reports travel between workflows). */
async function needsOnceReported(page: Page, expected: (needs: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const needs = (await page.locator('#lo-que-falta li').allTextContents()).map((text) => text.trim());
    if (expected(needs) || Date.now() > deadline) return needs;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
}

describe('recording the STL\'s installation from the board after stage 10 was refused (issue 21, case 2)', () => {
  it('links «Instalar el STL» to its form, refuses it while titulares are missing, records it, and step 3 completes; at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => void dialog.accept());
      await signIn(page, 'coordinador', STATE_PAGE);

      await act(page, 'form-iniciar', (form) => form.locator('#inicio-fecha').fill(daysAgo(60)));
      await followGuidance(page, 'Concluir el paso 1');
      await act(page, 'form-paso', async (form) => {
        await form.locator('#paso-fecha').fill(daysAgo(58));
        await form.locator('#paso-evidencia').fill('https://micrositio.ejemplo.org.mx/declaracion-conjunta.pdf');
      });
      for (let stage = 1; stage <= 10; stage += 1) {
        await followGuidance(page, new RegExp(`^Concluir la etapa ${stage}$`));
        await act(page, 'form-etapa', (form) => form.locator('#etapa-fecha').fill(daysAgo(56 - stage)));
      }
      await expect(page.locator('#stl').locator('xpath=..').textContent()).resolves.toContain('En integración');

      // Without titulares the STL refuses, in its own words, where the eye is.
      await followGuidance(page, INSTALL);
      await checkPage(page);
      const early = await openForm(page, 'form-instalacion');
      await early.locator('#instalacion-fecha').fill(daysAgo(30));
      await early.locator('button[type=submit]').click();
      await expect(early.locator('.form-status.error').textContent()).resolves.toMatch(/^Para instalar el STL falta al menos un titular de/);

      await page.reload();
      await addMembersOnBoard(act, page, 'titular', TITULARES, daysAgo(40));
      await addMembersOnBoard(act, page, 'suplente', TITULARES, daysAgo(40));
      await act(page, 'form-facilitador', async (form) => {
        await form.locator('#facilitador-nombre').fill('Jorge Arteaga Montes');
        await form.locator('#facilitador-procedencia').fill('Academia');
        await form.locator('#facilitador-fecha').fill(daysAgo(39));
      });
      await followGuidance(page, 'Adoptar en el STL su mecanismo de gobernanza');
      await act(page, 'form-mecanismo-stl', (form) => form.locator('#mecanismo-stl-fecha').fill(daysAgo(38)));
      await act(page, 'form-mecanismo', async (form) => {
        await form.locator('#mecanismo-fecha').fill(daysAgo(38));
        await form.locator('#mecanismo-enlace').fill('https://micrositio.ejemplo.org.mx/mecanismo-de-gobernanza.pdf');
      });
      await act(page, 'form-agenda-anual', async (form) => {
        await form.locator('#agenda-fecha').fill(daysAgo(38));
        await form.locator('#agenda-enlace').fill('https://micrositio.ejemplo.org.mx/agenda-anual.pdf');
      });

      // The dead end of the issue: everything else done, only the installation left, and now a form to record it.
      await expect(needsOnceReported(page, (needs) => needs.length === 1)).resolves.toEqual([INSTALL]);
      await followGuidance(page, INSTALL);
      await checkPage(page);
      const form = await openForm(page, 'form-instalacion');
      await form.locator('#instalacion-fecha').fill(daysAgo(30));
      await form.locator('#instalacion-acta').fill('acta-de-instalacion.pdf');
      await form.locator('button[type=submit]').click();
      await expect(form.locator('#instalacion-acta').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(form.locator('.field-error').textContent()).resolves.toBe(
        'Enlace al acta de instalación: escriba un enlace que empiece con http:// o https://.',
      );
      await form.locator('#instalacion-acta').fill('https://micrositio.ejemplo.org.mx/acta-de-instalacion.pdf');
      await submitAndReload(page, form);

      await expect(page.locator('#stl').locator('xpath=..').textContent()).resolves.toContain('Instalado el');
      await expect(page.locator('details#form-instalacion').count()).resolves.toBe(0);
      await expect(needsOnceReported(page, (needs) => !needs.includes(INSTALL))).resolves.not.toContain(INSTALL);
      await expect(page.locator('#lo-que-falta h3').textContent()).resolves.toContain('paso 4');
      await checkPage(page);
      await screenshot(page, 'instalacion-stl-390', { fullPage: true });
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
