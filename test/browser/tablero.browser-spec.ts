import { businessCalendar, type Entidad, noticeDeadline, STL_2017 } from '@app/domain';
import { type Locator, type Page } from 'playwright-core';
import { fechaLarga } from '../../apps/api/src/dashboard/format/spanish-dates';
import { todayInMexicoCity } from '../support/dates';
import { baseUrl, businessDaysAhead, pagesPerTest, screenshot, signIn } from './support/browser';
import { startEmbeddingSite } from './support/embedding-site';

/**
 * The board in real headless Chromium against the whole system, seeded with the 16 STLs of 2017 (three of them
 * without facilitador: Jalisco, Oaxaca and Tlaxcala). Each test leaves a screenshot in artifacts/screenshots/.
 */
const SEEDED: readonly Entidad[] = STL_2017.map((stl) => stl.entidad);
const VACANT: readonly Entidad[] = ['14', '20', '29'];

const fresh = pagesPerTest();

/** Reloads until the selector matches: projections follow the workflows' timers within seconds. */
async function reloadUntil(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await page.locator(selector).count()) === 0) {
    if (Date.now() > until) throw new Error(`Nothing matched ${selector} within ${timeoutMs} ms`);
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}

/** Submits an action form and waits for the page to reload with the new state; fails with the API's message. */
async function submitAndReload(page: Page, form: Locator): Promise<void> {
  const reloaded = page.waitForEvent('load');
  await form.locator('button[type=submit]').click();
  const status = form.locator('.form-status.success, .form-status.error');
  await status.waitFor();
  const outcome = await status.getAttribute('class');
  if (outcome?.includes('error')) throw new Error(`The API refused: ${await status.textContent()}`);
  await reloaded;
}

/** The `data-entidad` of the board's rows matched by the locator, in order. */
async function entidadesOf(rows: Locator): Promise<(string | null)[]> {
  return Promise.all((await rows.all()).map((row) => row.getAttribute('data-entidad')));
}

const rowOf = (page: Page, entidad: string) => page.locator(`table.board tbody tr[data-entidad="${entidad}"]`);

describe('tablero nacional', () => {
  it('shows a coordinador the 16 seeded states, three of them with a vacant facilitador', async () => {
    const { page } = await fresh();

    await signIn(page, 'coordinador', '/');

    expect(new URL(page.url()).pathname).toBe('/tablero');
    await expect(page.locator('h1').textContent()).resolves.toBe('Tablero nacional');
    const shown = await entidadesOf(page.locator('table.board tbody tr[data-entidad]'));
    expect(shown).toEqual(expect.arrayContaining([...SEEDED]));
    const vacant = await entidadesOf(
      page
        .locator('table.board tbody tr[data-entidad]')
        .filter({ has: page.locator('td[data-col="facilitador"] .badge', { hasText: 'Vacante' }) }),
    );
    expect(vacant.filter((entidad) => SEEDED.includes(entidad as Entidad)).sort()).toEqual([...VACANT]);
    // The map links every state; the session cookie is out of scripts' reach and never sent by other sites.
    await expect(page.locator('.map a').count()).resolves.toBe(32);
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'cocreacion_sesion')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    await screenshot(page, 'tablero-nacional-coordinador');
    await screenshot(page, 'tablero-nacional-coordinador-completo', { fullPage: true });

    // Keyboard: the first Tab reaches the skip link, which takes the focus to the content.
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Saltar al contenido');
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('contenido');
  });
});

describe('enlace desde otro sitio', () => {
  it('opens the state page of a signed-in account from a link on another site, as in a notification e-mail', async () => {
    const { page } = await fresh();
    await signIn(page, 'enlace');
    const site = await startEmbeddingSite([], [`${baseUrl()}/tablero/entidades/29`]);
    try {
      await page.goto(site.url);

      // SameSite=Strict withholds the cookie on that first request; the board follows the link again from itself.
      await Promise.all([page.waitForURL(/\/tablero\/entidades\/29$/), page.click('#enlace-0')]);
      await page.locator('h1', { hasText: 'Tlaxcala' }).waitFor();
      await screenshot(page, 'enlace-desde-correo');
    } finally {
      await site.close();
    }
  });
});

describe('cuenta de un organismo garante', () => {
  it('sees only its own state, acts there and nowhere else', async () => {
    const { page } = await fresh();

    await signIn(page, 'garante-14');

    await expect(entidadesOf(page.locator('table.board tbody tr[data-entidad]'))).resolves.toEqual(['14']);
    await expect(page.locator('nav[aria-label="Principal"] a', { hasText: 'Escalamientos' }).count()).resolves.toBe(0);

    await page.click('table.board a:text("Jalisco")');
    await page.waitForURL(/\/tablero\/entidades\/14$/);
    const actions = await page.locator('details.action > summary').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['Convocar sesión', 'Nombrar facilitador']));
    // Escalations are the INAI's to close: the garante sees them (the vacancy one is raised soon after the seed), without buttons.
    await reloadUntil(page, 'table.escalations tbody tr[data-escalation]');
    await expect(page.locator('table.escalations button').count()).resolves.toBe(0);
    // A cookie-authenticated change without the board's header is refused (CSRF).
    const forged = await page.evaluate(async () => {
      const response = await fetch('/api/stls/14/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: response.status, body: (await response.json()) as { code: string } };
    });
    expect(forged).toMatchObject({ status: 403, body: { code: 'CSRF_HEADER_REQUIRED' } });
    await screenshot(page, 'garante-entidad-propia');

    const foreign = await page.goto(`${baseUrl()}/tablero/entidades/20`);

    expect(foreign?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sin acceso');
    await expect(page.locator('main').textContent()).resolves.toContain('Oaxaca');
    await expect(page.locator('form[data-api]').count()).resolves.toBe(0);
    await screenshot(page, 'garante-entidad-ajena');

    // Signing out clears the cookie: the board asks to sign in again.
    await Promise.all([page.waitForURL(/\/tablero\/login$/), page.click('button:text("Cerrar sesión")')]);
    await page.goto(`${baseUrl()}/tablero`);
    expect(new URL(page.url()).pathname).toBe('/tablero/login');
  });
});

describe('convocatoria a sesión', () => {
  it('refuses too little notice with the API’s message, then convenes with enough and lists the session', async () => {
    const { page } = await fresh();
    await signIn(page, 'garante-26', '/tablero/entidades/26');
    const convene = page.locator('details.action', { has: page.locator('summary', { hasText: 'Convocar sesión' }) });
    await convene.locator('summary').click();

    const tooSoon = businessDaysAhead(3);
    await convene.locator('#sesion-fecha').fill(tooSoon);
    await convene.locator('#sesion-fecha').dispatchEvent('change');
    await expect(convene.locator('#sesion-fecha-plazo.bad').textContent({ timeout: 10_000 })).resolves.toContain('Aviso insuficiente');
    await convene.locator('#sesion-orden').fill('Lista de asistencia\nSeguimiento de compromisos');
    await convene.locator('button[type=submit]').click();

    const refusal = convene.locator('.form-status.error');
    await refusal.waitFor();
    const deadline = noticeDeadline(tooSoon, businessCalendar());
    await expect(refusal.textContent()).resolves.toContain('cinco días hábiles');
    await expect(refusal.textContent()).resolves.toContain(fechaLarga(deadline));
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, 'convocatoria-aviso-insuficiente');

    const inTime = businessDaysAhead(8);
    const sameDay = page.locator(`#tabla-sesiones tbody tr[data-date="${inTime}"]`);
    const before = await sameDay.count();
    await convene.locator('#sesion-fecha').fill(inTime);
    await convene.locator('#sesion-fecha').dispatchEvent('change');
    await expect(convene.locator('#sesion-fecha-plazo.ok').textContent({ timeout: 10_000 })).resolves.toContain('cumple');
    await submitAndReload(page, convene);

    await expect(sameDay.count()).resolves.toBe(before + 1);
    const row = sameDay.first();
    await expect(row.textContent()).resolves.toContain(fechaLarga(inTime));
    await expect(row.textContent()).resolves.toContain('Convocada');
    await expect(row.textContent()).resolves.toContain('Con aviso suficiente');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'convocatoria-aceptada');
  });
});

describe('conclusión de una etapa', () => {
  it('starts an exercise in a state without one, completes stage 1 and the national board shows it', async () => {
    const { page } = await fresh();
    await signIn(page, 'coordinador');
    // The first state the board lists without exercise nor STL (Aguascalientes on a fresh system).
    const idle = page.locator('details:has(summary:text("Entidades sin ejercicio")) a').first();
    const entidad = ((await idle.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(entidad).toMatch(/^\d{2}$/);
    await page.goto(`${baseUrl()}/tablero/entidades/${entidad}`);

    const start = page.locator('details.action', { has: page.locator('summary', { hasText: 'Iniciar ejercicio' }) });
    await start.locator('summary').click();
    await submitAndReload(page, start);
    await page.goto(`${baseUrl()}/tablero`);
    await expect(rowOf(page, entidad).locator('[data-etapa]').getAttribute('data-etapa')).resolves.toBe('0');
    await screenshot(page, 'etapa-tablero-antes');

    await page.goto(`${baseUrl()}/tablero/entidades/${entidad}`);
    const complete = page.locator('details.action', { has: page.locator('summary', { hasText: 'Concluir etapa' }) });
    await complete.locator('summary').click();
    await expect(complete.locator('#etapa-numero').inputValue()).resolves.toBe('1');
    await complete.locator('#etapa-fecha').fill(todayInMexicoCity());
    await complete.locator('#etapa-evidencia').fill('https://micrositio.ejemplo.org.mx/01/ruta-de-trabajo.pdf');
    await submitAndReload(page, complete);

    const stageRow = page.locator('tr[data-stage="1"]');
    await expect(stageRow.textContent()).resolves.toContain('Concluida');
    await expect(stageRow.locator('a').getAttribute('href')).resolves.toBe('https://micrositio.ejemplo.org.mx/01/ruta-de-trabajo.pdf');

    await page.goto(`${baseUrl()}/tablero`);
    await expect(rowOf(page, entidad).locator('[data-etapa]').getAttribute('data-etapa')).resolves.toBe('1');
    await expect(rowOf(page, entidad).textContent()).resolves.toContain('Etapa 2/10');
    await rowOf(page, entidad).scrollIntoViewIfNeeded();
    await screenshot(page, 'etapa-tablero-despues');
  });
});

describe('tablero público', () => {
  it('opens without signing in, shows no contact data, and can be framed by another site (only it)', async () => {
    const { page } = await fresh();

    const response = await page.goto(`${baseUrl()}/tablero/publico/14`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-frame-options']).toBeUndefined();
    expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
    await expect(page.locator('h1').textContent()).resolves.toContain('Jalisco');
    await expect(page.locator('ol.steps > li').count()).resolves.toBe(6);
    await expect(page.locator('#sesiones').count()).resolves.toBe(1);
    // No personal contact data: no e-mail addresses (the demo members all have one), no meeting links.
    await expect(page.locator('body').textContent()).resolves.not.toContain('@');
    await screenshot(page, 'tablero-publico', { fullPage: true });

    const site = await startEmbeddingSite([`${baseUrl()}/tablero/publico/14`, `${baseUrl()}/tablero/login`]);
    try {
      await page.goto(site.url);
      // goto waits for the load event, which waits for both frames (the refused one shows the browser's error page).
      await expect(page.frameLocator('#marco-0').locator('h1').textContent()).resolves.toContain('Jalisco');
      await expect(page.frameLocator('#marco-1').locator('#usuario').count()).resolves.toBe(0);
      await screenshot(page, 'tablero-publico-en-micrositio');
    } finally {
      await site.close();
    }
  });
});
