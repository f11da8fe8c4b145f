import { type LocalDate } from '@app/domain';
import { type Locator, type Page } from 'playwright-core';
import { axeViolations } from './axe';

/** What a page must be at every step of a journey: no axe-core violation, and nothing wider than the screen. */
export async function checkPage(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll('details').forEach((details) => details.setAttribute('open', ''))`);
  expect({ url: page.url(), violations: await axeViolations(page) }).toEqual({ url: page.url(), violations: [] });
  // Against the layout viewport's width: in a context with isMobile, Chromium widens window.innerWidth to a page that
  // overflows (it zooms out to show it whole), so measured against it a page wider than the phone still fit.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect({ url: page.url(), overflow }).toEqual({ url: page.url(), overflow: 0 });
  await page.evaluate(`document.querySelectorAll('details.action').forEach((details) => details.removeAttribute('open'))`);
}

/** Opens the form `details#id` (unless a guidance link already did), fills it and sends it. */
export async function openForm(page: Page, id: string): Promise<Locator> {
  const details = page.locator(`details#${id}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

/** Sends the form and waits for the page to come back with what the act changed; a refusal fails with its words. */
export async function submitAndReload(page: Page, form: Locator): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 }).then(() => 'recargada');
  // The click runs the form's checks at once: a refusal seen after it is this submission's, not an earlier one's.
  await form.locator('button[type=submit]').click();
  const refused = form
    .locator('.form-status.error')
    .waitFor({ timeout: 60_000 })
    .then(async () => `rechazada: ${await form.locator('.form-status').textContent()} ${(await form.locator('.field-error').allTextContents()).join(' ')}`)
    .catch(() => 'sin error');
  expect(await Promise.race([loaded, refused])).toBe('recargada');
}

/** The guidance of the state page: the link of a requirement opens its form. */
export async function followGuidance(page: Page, text: string | RegExp): Promise<void> {
  const link = page.locator('#lo-que-falta a', { hasText: text });
  const target = await link.getAttribute('href');
  await link.click();
  await page.locator(`details${target ?? ''}[open]`).waitFor();
}

/** One act of the board, as a spec performs it (some check the page after every act, some where they look). */
export type BoardAct = (page: Page, formId: string, fill: (form: Locator) => Promise<void>) => Promise<void>;

export interface SectorTitular {
  readonly sector: string;
  readonly nombre: string;
  readonly organizacion: string;
}

/**
 * Each sector's titular through the member form, or, with `suplente`, a suplente for each of them ("elegirán a los
 * titulares y a los suplentes", guia-instalacion-stl.txt), as a state records its STL on the board.
 */
export async function addMembersOnBoard(
  act: BoardAct,
  page: Page,
  role: 'titular' | 'suplente',
  titulares: readonly SectorTitular[],
  joinedOn: LocalDate,
): Promise<void> {
  for (const titular of titulares) {
    await act(page, 'form-integrante', async (form) => {
      await form.locator('#integrante-sector').selectOption(titular.sector);
      await form.locator('#integrante-funcion').selectOption(role);
      await form.locator('#integrante-nombre').fill(role === 'titular' ? titular.nombre : `Suplente de ${titular.nombre}`);
      await form.locator('#integrante-organizacion').fill(titular.organizacion);
      await form.locator('#integrante-fecha').fill(joinedOn);
      if (role === 'suplente') {
        const option = form.locator('#integrante-titular option', { hasText: titular.nombre });
        await form.locator('#integrante-titular').selectOption((await option.getAttribute('value')) ?? '');
      }
    });
  }
}
