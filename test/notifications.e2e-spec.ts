import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localDateAt } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { type RunningSystem, startSystem } from '../tools/stack';
import { authenticatedApi } from './support/auth';
import { httpClient } from './support/http';
import { loadStl2017 } from './support/stl-2017';

interface MailDevEmail {
  readonly subject: string;
  readonly to: readonly { readonly address: string }[];
  readonly text: string;
  readonly headers: Record<string, string>;
}

const GARANTE = 'garante1.14@ejemplo.org.mx';
/** The demo enlace, who follows Jalisco (apps/api/src/auth/demo-users.ts). */
const ENLACE = 'enlace@ejemplo.org.mx';

/**
 * Its own system without the demo seed (so the inbox holds only what this test causes), as `npm start` runs it:
 * MailDev is the SMTP server, and its web API shows what a person would see in the inbox. Jalisco's STL is installed
 * with the seed's Updates; its garante then appoints and vacates the facilitador through the API.
 */
describe('a facilitador vacated through the API reaches the local inbox', () => {
  let system: RunningSystem;
  let dir: string;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-mail-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, env: { NODE_ENV: 'test' } });
    connection = await Connection.connect({ address: system.temporalAddress });
    client = new Client({ connection });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const inbox = async (): Promise<MailDevEmail[]> => (await httpClient(system.mailCatcher!.webUrl).get<MailDevEmail[]>('/api/email')).body;

  async function mailsWithin(ms: number, count: number): Promise<MailDevEmail[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const mails = await inbox();
      if (mails.length >= count || Date.now() > deadline) return mails;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('DELETE /api/stls/14/facilitador: within seconds, in Spanish, to the garante and the enlace; GET /api/notifications shows them sent', async () => {
    expect(system.mailCatcher?.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const today = localDateAt(Date.now());
    await loadStl2017(client, '14', addDays(today, -7));
    const garante = authenticatedApi(httpClient(system.apiUrl), 'garante-14');
    const appointed = await garante.put('/api/stls/14/facilitador', {
      nombre: 'Dra. Mariana Ruiz',
      procedencia: 'Academia – Universidad de Guadalajara',
      email: 'mariana.ruiz@udg.ejemplo.mx',
      appointedOn: addDays(today, -7),
      historical: { justification: 'Designada por el STL en sesión; el acta se registra aparte.' },
    });
    expect(appointed.status).toBe(200);
    expect(await inbox()).toEqual([]);

    const vacatedAt = Date.now();
    const vacated = await garante.request('DELETE', '/api/stls/14/facilitador', { vacatedOn: today, reason: 'Renuncia' });
    expect(vacated.status).toBe(200);
    const mails = await mailsWithin(15_000, 2);

    expect(Date.now() - vacatedAt).toBeLessThan(15_000);
    expect(mails.map((mail) => mail.to[0].address).sort()).toEqual([ENLACE, GARANTE].sort());
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^STL de Jalisco: el puesto de facilitador quedó vacante el \d{1,2} de [a-z]+ de \d{4}$/);
      expect(mail.text).toContain('Qué hacer: ');
      expect(mail.text).toContain(`${system.apiUrl}/tablero/entidades/14`);
    }

    // Each row is marked sent just after the server accepts its mail: give the last commit a moment.
    const api = authenticatedApi(httpClient(system.apiUrl), 'coordinador');
    const listed = async () => {
      const response = await api.get<{ recipient: { email: string }; status: string; kind: string }[]>('/api/notifications?entidad=14');
      expect(response.status).toBe(200);
      return response.body.map((row) => [row.kind, row.recipient.email, row.status]).sort();
    };
    let rows = await listed();
    for (let tries = 0; tries < 25 && rows.some(([, , status]) => status !== 'sent'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = await listed();
    }
    expect(rows).toEqual(
      [
        ['facilitador_vacant', ENLACE, 'sent'],
        ['facilitador_vacant', GARANTE, 'sent'],
      ].sort(),
    );
  });
});
