import { type Request } from 'playwright-core';
import { businessDaysAhead, pagesPerTest, signIn } from './support/browser';

/**
 * The board's forms send one Idempotency-Key per submission (issue 13, item 4): an answer lost on the way back and
 * the same form sent again convene one session, on Sinaloa (25), a state no other browser test touches.
 */
const openPage = pagesPerTest();

describe('a convocation whose answer is lost, sent again from the same form', () => {
  it('reaches the API twice with one key and convenes one session', async () => {
    const opened = await openPage();
    const { page } = opened;
    await signIn(page, 'garante-25', '/tablero/entidades/25');
    const convene = page.locator('details.action', { has: page.locator('summary', { hasText: 'Convocar sesión' }) });
    await convene.locator('summary').click();
    const date = businessDaysAhead(9);
    const sameDay = page.locator(`#tabla-sesiones tbody tr[data-date="${date}"]`);
    const before = await sameDay.count();
    await convene.locator('#sesion-fecha').fill(date);
    await convene.locator('#sesion-orden').fill('Lista de asistencia\nSeguimiento de compromisos');
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/stls/25/sessions')) sent.push(request);
    });
    // The server convenes the session, then the connection drops before its answer reaches the page.
    await page.route('**/api/stls/25/sessions', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });

    await convene.locator('button[type=submit]').click();
    await convene.locator('.form-status.error').waitFor();
    await page.unroute('**/api/stls/25/sessions');
    const reloaded = page.waitForEvent('load');
    await convene.locator('button[type=submit]').click();
    await convene.locator('.form-status.success').waitFor();
    await reloaded;

    const keys = sent.map((request) => request.headers()['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(keys[1]).toBe(keys[0]);
    await expect(sameDay.count()).resolves.toBe(before + 1);
  });
});
