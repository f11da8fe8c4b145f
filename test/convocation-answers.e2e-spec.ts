import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localDateAt } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { type RunningSystem, startSystem } from '../tools/stack';
import { authenticatedApi, tokenFor } from './support/auth';
import { httpClient } from './support/http';
import { loadStl2017 } from './support/stl-2017';
import { SmtpSink } from './support/smtp-sink';

const SOCIEDAD_CIVIL = 'sociedadcivil1.14@ejemplo.org.mx';

/**
 * A convened member answers from the e-mail, with no account: the convocation reaches a real SMTP server on
 * loopback, its personal link is taken from the parsed message and opened as a browser would (GET shows, the form's
 * POST answers), and the garante's board shows the answer by name with the quorum it forecasts.
 */
describe('confirming attendance through the link of the convocation', () => {
  let system: RunningSystem;
  let sink: SmtpSink;
  let dir: string;
  let connection: Connection;
  let client: Client;
  let database: PgClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-respuestas-'));
    sink = await SmtpSink.start();
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, smtpUrl: sink.url, env: { NODE_ENV: 'test' } });
    connection = await Connection.connect({ address: system.temporalAddress });
    client = new Client({ connection });
    database = new PgClient({ connectionString: system.databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await connection?.close();
    await system?.stop();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the page's form sends: `respuesta=…`, urlencoded, no cookie, no token but the link's. */
  const press = (url: string, respuesta: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `respuesta=${respuesta}`, redirect: 'manual' });

  it('the link opens a page without signing in; the answer is recorded once, shows on the board with the forecast quorum, and closes with the session', async () => {
    const today = localDateAt(Date.now());
    await loadStl2017(client, '14', addDays(today, -7));
    const api = httpClient(system.apiUrl);
    const garante = authenticatedApi(api, 'garante-14');
    const convened = await garante.post('/api/stls/14/sessions', { date: addDays(today, 21), kind: 'ordinaria', convokedOn: today, agenda: ['Seguimiento del PAL'] });
    expect(convened.status).toBe(201);
    const sessionId = convened.body.id as string;

    await sink.waitForMessages(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mail = sink.received.find((received) => received.envelopeTo.includes(SOCIEDAD_CIVIL))!;
    const link = new RegExp(`${system.apiUrl}/tablero/convocatoria/[A-Za-z0-9_.-]+`).exec(mail.parsed.text ?? '')![0];
    expect(String(mail.parsed.html)).toContain(`href="${link}"`);
    expect(mail.parsed.text).not.toMatch(/no responda/i);

    const opened = await api.get(link.slice(system.apiUrl.length));
    expect(opened.status).toBe(200);
    expect(opened.body).toContain('Aún no ha respondido a esta convocatoria.');

    const first = await press(link, 'asistire');
    const again = await press(link, 'asistire');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await first.text()).toContain('Registramos su respuesta');
    const answers = await database.query(
      "SELECT data->>'memberId' AS member, data->>'answer' AS answer FROM domain_events WHERE stream_id = 'stl/14' AND type = 'ConvocationAnswered'",
    );
    expect(answers.rows).toEqual([{ member: '14-sociedadcivil-1', answer: 'asistire' }]);

    const board = await api.get('/tablero/entidades/14', { cookie: `cocreacion_sesion=${await tokenFor(api, 'garante-14')}` });
    expect(board.body).toMatch(/Confirmaron: [^<]+</);
    expect(board.body).toContain('data-forecast="sin-quorum"');
    expect(board.body).toContain('1 de 9 representaciones confirmadas, con sociedad civil');

    const [payload, signature] = link.split('/').pop()!.split('.');
    const forged = `${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${signature}`;
    for (const path of [`/tablero/convocatoria/${forged}`, '/tablero/convocatoria/nada']) {
      const refused = await api.get(path);
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('El enlace no es válido');
    }
    expect((await press(`${system.apiUrl}/tablero/convocatoria/${forged}`, 'asistire')).status).toBe(400);
    expect((await press(link, 'quizas')).status).toBe(400);

    expect((await garante.post(`/api/stls/14/sessions/${sessionId}/cancel`, { reason: 'Sin sede' })).status).toBe(200);
    const closed = await press(link, 'no_asistire');
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('ya no admite respuestas');
  });
});
