import { addDays, businessCalendar } from '@app/domain';
import { type Request } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/auth';
import { todayInMexicoCity } from '../support/dates';
import { openForm, submitAndReload } from './support/board-acts';
import { baseUrl, businessDaysAhead, type OpenPage, pagesPerTest, signIn } from './support/browser';

/**
 * The measured cases of issue 21 (items 1, 4, 5, 7 and 8), each as it was found: on San Luis Potosí (24), a state
 * with an installed STL that no other browser test touches, as its garante.
 */
const openPage = pagesPerTest();

const STATE_PAGE = '/tablero/entidades/24';

function sessionPosts(opened: OpenPage): Request[] {
  const sent: Request[] = [];
  opened.page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/stls/24/sessions')) sent.push(request);
  });
  return sent;
}

describe('no irreversible slip', () => {
  it('refuses an attendance list with nobody ticked unless «sesión sin asistentes» is confirmed, and sends nothing', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    // A session held three days ago, convened in time, so that its attendance can be recorded.
    const held = addDays(todayInMexicoCity(), -3);
    const convoked = businessCalendar().addBusinessDays(held, -8);
    const convene = await openForm(page, 'form-convocar');
    await convene.locator('#sesion-fecha').fill(held);
    await convene.locator('#sesion-convocatoria').fill(convoked);
    await convene.locator('#sesion-historica').fill('Convocada por oficio antes de usar el tablero.');
    await convene.locator('#sesion-orden').fill('Lista de asistencia');
    await submitAndReload(page, convene);
    const sent = sessionPosts(opened);

    const attendance = await openForm(page, 'form-asistencia');
    await attendance.locator('button[type=submit]').click();

    const error = attendance.locator('.field-error');
    await expect(error.textContent()).resolves.toBe('Presentes: marque a quienes asistieron, o confirme que fue una sesión sin asistentes.');
    const first = attendance.locator('input[name=present]').first();
    await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(first.getAttribute('aria-describedby')).resolves.toContain(await error.getAttribute('id'));
    expect(sent).toHaveLength(0);

  });

  it('asks before convening a second session on a date that already has one; declined, nothing is sent', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const date = businessDaysAhead(12);
    const first = await openForm(page, 'form-convocar');
    await first.locator('#sesion-fecha').fill(date);
    await first.locator('#sesion-orden').fill('Seguimiento de compromisos');
    await submitAndReload(page, first);
    const sent = sessionPosts(opened);

    const again = await openForm(page, 'form-convocar');
    await again.locator('#sesion-fecha').fill(date);
    await again.locator('#sesion-orden').fill('Seguimiento de compromisos');
    const shown = page.waitForEvent('dialog');
    const clicked = again.locator('button[type=submit]').click();
    const dialog = await shown;
    const question = dialog.message();
    await dialog.dismiss();
    await clicked;

    expect(question).toMatch(/^Ya hay una sesión el .* ¿Convocar otra el mismo día\?$/);
    expect(sent).toHaveLength(0);
    await expect(page.locator(`#tabla-sesiones tbody tr[data-date="${date}"]`).count()).resolves.toBe(1);
  });

  it('a reload right after «Convocar sesión» shows the session, convened once', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const date = businessDaysAhead(15);
    const convene = await openForm(page, 'form-convocar');
    await convene.locator('#sesion-fecha').fill(date);
    await convene.locator('#sesion-orden').fill('Informe del facilitador');
    const sent = sessionPosts(opened);
    // The server convenes the session; its answer never reaches the page, which the person reloads.
    let reachedServer!: () => void;
    const convened = new Promise<void>((resolve) => (reachedServer = resolve));
    await page.route('**/api/stls/24/sessions', async (route) => {
      await route.fetch();
      reachedServer();
    });
    await convene.locator('button[type=submit]').click();
    await convened;
    await page.unroute('**/api/stls/24/sessions');
    await page.reload();
    // The reloaded page sends the pending submission again with its key; once answered it forgets it.
    await page.waitForFunction("!Object.keys(sessionStorage).some((name) => name.startsWith('tablero.borrador:'))", undefined, { timeout: 30_000 });
    await page.goto(`${baseUrl()}${STATE_PAGE}`);

    await expect(page.locator(`#tabla-sesiones tbody tr[data-date="${date}"]`).count()).resolves.toBe(1);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent.map((request) => request.headers()['idempotency-key']))).toEqual(new Set([sent[0].headers()['idempotency-key']]));
  });
});

describe('a session moved to another day', () => {
  it('reschedules a convoked session from the board: the table shows it on the new date only', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const planned = businessDaysAhead(25);
    const moved = businessDaysAhead(27);
    const convene = await openForm(page, 'form-convocar');
    await convene.locator('#sesion-fecha').fill(planned);
    await convene.locator('#sesion-orden').fill('Avance de compromisos');
    await submitAndReload(page, convene);
    const sessionId = await page.locator(`#tabla-sesiones tbody tr[data-date="${planned}"]`).getAttribute('data-session');

    const reschedule = await openForm(page, 'form-reprogramar');
    await reschedule.locator('#reprogramar-sesion').selectOption(sessionId ?? '');
    await reschedule.locator('#reprogramar-fecha').fill(moved);
    await reschedule.locator('#reprogramar-motivo').fill('Coincide con la sesión del Congreso.');
    await submitAndReload(page, reschedule);

    await expect(page.locator(`#tabla-sesiones tbody tr[data-date="${moved}"]`).count()).resolves.toBe(1);
    await expect(page.locator(`#tabla-sesiones tbody tr[data-date="${planned}"]`).count()).resolves.toBe(0);
  });
});

describe('errors where the eye is', () => {
  it('marks each field with its Spanish label, before sending and from the API’s answer, and keeps the input', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const convene = await openForm(page, 'form-convocar');
    await convene.locator('button[type=submit]').click();

    const dateError = convene.locator('#sesion-fecha-error');
    await expect(dateError.textContent()).resolves.toBe('Fecha de la sesión: es obligatorio.');
    await expect(convene.locator('#sesion-fecha').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(convene.locator('#sesion-fecha').getAttribute('aria-describedby')).resolves.toContain('sesion-fecha-error');
    await expect(convene.locator('#sesion-orden-error').textContent()).resolves.toBe('Orden del día: es obligatorio.');

    // Thirty-one points: only the API knows the limit; its answer lands under the same field.
    const agenda = Array.from({ length: 31 }, (_, index) => `Punto ${index + 1}`).join('\n');
    await convene.locator('#sesion-fecha').fill(businessDaysAhead(20));
    await convene.locator('#sesion-orden').fill(agenda);
    await convene.locator('button[type=submit]').click();
    await expect(convene.locator('#sesion-orden-error').textContent()).resolves.toMatch(/^Orden del día: /);
    await expect(convene.locator('#sesion-fecha-error').count()).resolves.toBe(0);
    await expect(convene.locator('#sesion-orden').inputValue()).resolves.toBe(agenda);
    await expect(convene.locator('.form-status').textContent()).resolves.not.toContain('agenda');
  });

  it('says a date typed halfway is not a date, and puts the API’s refusal of a backdated convocation under its date', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const convene = await openForm(page, 'form-convocar');
    // Only the month typed: Chromium reports the value as empty, which is not "missing".
    await convene.locator('#sesion-fecha').click();
    await page.keyboard.type('12');
    await convene.locator('#sesion-orden').fill('Seguimiento de compromisos');
    await convene.locator('button[type=submit]').click();
    await expect(convene.locator('#sesion-fecha-error').textContent()).resolves.toBe('Fecha de la sesión: escriba una fecha válida (día, mes y año).');

    // Convoked ten days ago without a justification: the domain's CONVOCATION_BACKDATED names `convokedOn`.
    const convokedOn = addDays(todayInMexicoCity(), -10);
    await convene.locator('#sesion-fecha').fill(businessDaysAhead(20));
    await convene.locator('#sesion-convocatoria').fill(convokedOn);
    await convene.locator('button[type=submit]').click();
    const error = convene.locator('#sesion-convocatoria-error');
    await expect(error.textContent()).resolves.toMatch(/^Fecha de la convocatoria: La anticipación se cuenta desde que la convocatoria se registra/);
    await expect(convene.locator('#sesion-convocatoria').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(convene.locator('#sesion-convocatoria').getAttribute('aria-describedby')).resolves.toContain('sesion-convocatoria-error');
    await expect(convene.locator('.form-status').textContent()).resolves.toBe('Revise los campos marcados.');
    await expect(convene.locator('#sesion-convocatoria').inputValue()).resolves.toBe(convokedOn);
  });
});

describe('expiry without loss', () => {
  it('keeps a convocation typed before the sign-in expired, says so, and brings it back after signing in', async () => {
    const opened = await openPage();
    const { page, context } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const convene = await openForm(page, 'form-convocar');
    const date = businessDaysAhead(25);
    await convene.locator('#sesion-fecha').fill(date);
    await convene.locator('#sesion-orden').fill('Lista de asistencia\nRenovación de la sociedad civil');
    await convene.locator('#sesion-lugar').fill('Sala de Plenos');
    await context.clearCookies();

    await convene.locator('button[type=submit]').click();
    // Wait for the answer: on a busy machine the status still says «Enviando…» right after the click.
    await convene.locator('.form-status', { hasText: 'Su sesión expiró' }).waitFor();
    await page.waitForURL(/\/tablero\/login/);
    await page.fill('#usuario', 'garante-24');
    await page.fill('#contrasena', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === STATE_PAGE), page.press('#contrasena', 'Enter')]);

    const restored = page.locator('details#form-convocar');
    await expect(restored.getAttribute('open')).resolves.toBe('');
    await expect(restored.locator('#sesion-fecha').inputValue()).resolves.toBe(date);
    await expect(restored.locator('#sesion-orden').inputValue()).resolves.toBe('Lista de asistencia\nRenovación de la sociedad civil');
    await expect(restored.locator('#sesion-lugar').inputValue()).resolves.toBe('Sala de Plenos');
  });
});

describe('small things', () => {
  it('opens a state typed without its leading zero', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'coordinador', '/tablero/entidades/1');
    expect(new URL(page.url()).pathname).toBe('/tablero/entidades/01');
    await expect(page.locator('h1').textContent()).resolves.toBe('Aguascalientes');
  });

  it('finds the states without exercise by the «Sin ejercicio» filter and by name', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'coordinador', '/tablero?paso=0');
    await expect(page.locator('details#sin-ejercicio').getAttribute('open')).resolves.toBe('');
    await expect(page.locator('table.board tbody').textContent()).resolves.not.toContain('Ninguna entidad cumple el filtro.');

    await page.goto(`${baseUrl()}/tablero?texto=yucatan`);
    await expect(page.locator('details#sin-ejercicio a').allTextContents()).resolves.toEqual(['Yucatán']);
    await expect(page.locator('table.board tbody').textContent()).resolves.toContain('aparece abajo');
  });

  it('names a field once in a refusal that already names it (a future adoption date, past the board’s own check)', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-24', STATE_PAGE);
    const form = await openForm(page, 'form-mecanismo-stl');
    const date = form.locator('#mecanismo-stl-fecha');
    await page.evaluate(`document.getElementById('mecanismo-stl-fecha').removeAttribute('max')`);
    await date.fill(addDays(todayInMexicoCity(), 3));
    await form.locator('button[type=submit]').click();

    const error = form.locator('.field-error');
    await expect(error.textContent()).resolves.toMatch(/^La fecha «Fecha de adopción» \(.+\) no puede ser posterior a hoy/);
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
  });
});
