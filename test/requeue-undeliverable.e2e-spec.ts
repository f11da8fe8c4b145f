import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localDateAt } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { type RunningSystem, startSystem } from '../tools/stack';
import { eventually } from './support/eventually';
import { authenticatedApi, tokenFor } from './support/auth';
import { httpClient } from './support/http';
import { loadStl2017 } from './support/stl-2017';
import { SmtpSink } from './support/smtp-sink';

const GARANTE = 'garante1.14@ejemplo.org.mx';

/**
 * The coordinación's button: a convocation the SMTP server refused for one member becomes `undeliverable`; once the
 * cause is gone, the inbox offers to send it again, the button's route queues it once, and it reaches the member.
 */
describe('re-queuing undeliverable e-mail from the board', () => {
  let system: RunningSystem;
  let sink: SmtpSink;
  let dir: string;
  let connection: Connection;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-reenvio-'));
    sink = await SmtpSink.start();
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, smtpUrl: sink.url, env: { NODE_ENV: 'test' } });
    connection = await Connection.connect({ address: system.temporalAddress });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the refused mail to the coordinación, re-queues it once on request, and refuses anyone else', async () => {
    const client = new Client({ connection });
    const today = localDateAt(Date.now());
    await loadStl2017(client, '14', addDays(today, -7));
    const api = httpClient(system.apiUrl);
    const coordinador = authenticatedApi(api, 'coordinador');
    sink.refuseRecipient(GARANTE);
    const convened = await authenticatedApi(api, 'garante-14').post('/api/stls/14/sessions', {
      date: addDays(today, 21), kind: 'ordinaria', convokedOn: today, agenda: ['Seguimiento del PAL'],
    });
    expect(convened.status).toBe(201);
    // Refused by the server, with an address (the vacant facilitador's row, with none, is not the button's).
    const refused = async () =>
      (await coordinador.get<{ recipient: { email: string | null } }[]>('/api/notifications?entidad=14&status=undeliverable')).body
        .map((row) => row.recipient.email)
        .filter((email) => email !== null);
    await eventually(async () => expect(await refused()).toEqual([GARANTE]), 20_000);

    const inbox = async () => (await api.get('/tablero/escalamientos', { cookie: `cocreacion_sesion=${await tokenFor(api, 'coordinador')}` })).body as string;
    expect(await inbox()).toContain('1 correo con dirección fue rechazado por el servidor SMTP');
    expect(await inbox()).toContain('data-api="/api/notifications/requeue"');
    expect((await authenticatedApi(api, 'enlace').post('/api/notifications/requeue', {})).status).toBe(403);
    expect((await coordinador.post('/api/notifications/requeue', { entidad: '99' })).status).toBe(400);

    sink.reset();
    const requeued = await coordinador.post('/api/notifications/requeue', { entidad: '14' });
    expect(requeued.status).toBe(200);
    expect(requeued.body.requeued).toBe(1);
    const [delivered] = await sink.waitForMessages(1, 20_000);
    expect(delivered.envelopeTo).toEqual([GARANTE]);
    expect(delivered.parsed.subject).toMatch(/^STL de Jalisco: sesión ordinaria convocada para el /);

    expect((await coordinador.post('/api/notifications/requeue', {})).body).toEqual({ requeued: 0, ids: [] });
    await eventually(async () => expect(await refused()).toEqual([]), 10_000);
    expect(await inbox()).not.toContain('data-api="/api/notifications/requeue"');
  });
});
