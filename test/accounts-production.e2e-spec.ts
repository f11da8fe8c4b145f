import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, businessCalendar, localDateAt } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { type RunningSystem, startSystem } from '../tools/stack';
import { authHeader } from './support/auth';
import { type HttpClient, httpClient } from './support/http';
import { loadStl2017 } from './support/stl-2017';
import { usersCli } from './support/users-cli';

interface MailDevEmail {
  readonly subject: string;
  readonly to: readonly { readonly address: string }[];
  readonly text: string;
}

const GARANTE_EMAIL = 'titular@itei.ejemplo.mx';

const users = (system: RunningSystem, args: string[], stdin?: string) => usersCli(system.databaseUrl, args, stdin, system.apiUrl);

/**
 * The "Done when", on a system started as a real deployment starts (APP_MODE=production, a strong secret,
 * no seed, no demo accounts), with MailDev as the local SMTP inbox.
 */
/** Where people open the board (the reverse proxy's address); the test talks to the API directly. */
const PUBLIC_ADDRESS = 'https://cocreacion.inai.ejemplo.mx';

describe('a production deployment, from its first account to a revoked garante', () => {
  let system: RunningSystem;
  let dir: string;
  let api: HttpClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-prod-'));
    system = await startSystem({
      dataDir: dir,
      logToFiles: true,
      seed: false,
      // Behind one proxy hop, as the README's reverse-proxy setup: the tests play the proxy with X-Forwarded-*.
      // A production worker refuses a sender other servers cannot reach and links to this machine.
      env: {
        APP_MODE: 'production',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        MAIL_LINK_SECRET: randomBytes(32).toString('hex'),
        TRUST_PROXY: '1',
        MAIL_FROM: 'Gobierno Abierto <avisos@inai.ejemplo.mx>',
        PUBLIC_BASE_URL: PUBLIC_ADDRESS,
      },
    });
    api = httpClient(system.apiUrl);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Jalisco's STL as installed in 2017 (its installation is not this test's subject). */
  async function installJalisco(today: string): Promise<void> {
    const connection = await Connection.connect({ address: system.temporalAddress });
    try {
      await loadStl2017(new Client({ connection }), '14', addDays(today, -7));
    } finally {
      await connection.close();
    }
  }

  const inbox = async () => (await httpClient(system.mailCatcher!.webUrl).get<MailDevEmail[]>('/api/email')).body;

  async function mailTo(address: string): Promise<MailDevEmail> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mail = (await inbox()).find((candidate) => candidate.to.some((to) => to.address === address));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`No mail reached ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const signIn = async (username: string, password: string): Promise<string> => {
    const response = await api.post('/api/auth/token', { username, password });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };

  it('has no demo accounts', async () => {
    expect((await api.post('/api/auth/token', { username: 'coordinador', password: 'cocreacion' })).status).toBe(401);
  });

  it('users create → the coordinador invites a garante by e-mail → the garante sets a password, convenes, and is revoked by deactivation', async () => {
    const created = await users(
      system,
      ['create', '--username', 'coordinacion', '--role', 'coordinador', '--nombre', 'Coordinación de Gobierno Abierto', '--email', 'ga@inai.ejemplo.mx', '--password-stdin'],
      'una frase de paso bastante larga\n',
    );
    expect(created).toContain('coordinacion');
    const coordinador = await signIn('coordinacion', 'una frase de paso bastante larga');

    const invited = await api.post(
      '/api/users',
      { username: 'garante-14', role: 'garante', nombre: 'Instituto de Transparencia de Jalisco', email: GARANTE_EMAIL, entidades: ['14'] },
      authHeader(coordinador),
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ account: { username: 'garante-14', hasPassword: false }, invitationSent: true });

    const mail = await mailTo(GARANTE_EMAIL);
    expect(mail.subject).toBe('Su cuenta en Cocreación desde lo Local');
    expect(mail.text).toContain('vence en 72 horas');
    const link = new URL(/https?:\/\/\S+\/tablero\/contrasena\?token=\S+/.exec(mail.text)![0]);
    expect(link.origin).toBe(PUBLIC_ADDRESS);
    const token = link.searchParams.get('token')!;

    expect((await api.post('/api/auth/password', { token, password: 'garante-14 y algo' })).body.code).toBe('VALIDATION_FAILED');
    const set = await api.post('/api/auth/password', { token, password: 'Tlaquepaque 2027 ITEI' });
    expect(set.status).toBe(200);
    expect((await api.post('/api/auth/password', { token, password: 'otra frase más larga' })).body.code).toBe('PASSWORD_LINK_INVALID');

    const garante = await signIn('garante-14', 'Tlaquepaque 2027 ITEI');
    const today = localDateAt(Date.now());
    await installJalisco(today);
    const sessionDate = businessCalendar().addBusinessDays(today, 10);
    const convened = await api.post(
      '/api/stls/14/sessions',
      { date: sessionDate, kind: 'ordinaria', convokedOn: today, agenda: ['Instalación', 'Asuntos generales'] },
      authHeader(garante),
    );
    expect({ status: convened.status, code: convened.body.code }).toEqual({ status: 201, code: undefined });

    const deactivated = await api.request('PATCH', '/api/users/garante-14', { active: false }, authHeader(coordinador));
    expect(deactivated.status).toBe(200);
    const refusedAt = Date.now();
    const after = await api.get('/api/auth/me', authHeader(garante));
    expect(after.status).toBe(401);
    expect(Date.now() - refusedAt).toBeLessThan(1_000);

    const board = await api.get('/tablero/cuentas', { cookie: `cocreacion_sesion=${coordinador}` });
    expect(board.status).toBe(200);
    expect(board.body).toMatch(/<strong>Jalisco<\/strong>: Sin garante con correo: los recordatorios no llegarán\./);

    const audit = await api.get('/api/users/audit', authHeader(coordinador));
    expect((audit.body.entries as { action: string; username: string }[]).map((entry: { action: string; username: string }) => `${entry.action} ${entry.username}`)).toEqual(
      expect.arrayContaining(['created coordinacion', 'created garante-14', 'password-set garante-14', 'deactivated garante-14']),
    );
  });

  const boardLogin = (username: string, password: string, headers: Record<string, string>) =>
    fetch(`${system.apiUrl}/tablero/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ username, password }).toString(),
      redirect: 'manual',
    });

  it('sets Secure on the board’s cookie when the proxy says the client came over https', async () => {
    const response = await boardLogin('coordinacion', 'una frase de paso bastante larga', {
      'x-forwarded-for': '192.0.2.10',
      'x-forwarded-proto': 'https',
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/cocreacion_sesion=[^;]+;.*; Secure/);
  });

  it('counts one budget per client address over every credential route, the address being the proxy’s word', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const username = `nadie-${attempt}`;
      const route = attempt % 3;
      const response =
        route === 0
          ? await api.post('/api/auth/token', { username, password: 'x' }, from('203.0.113.7'))
          : route === 1
            ? await boardLogin(username, 'x', from('203.0.113.7'))
            : await api.post('/api/auth/password-reset', { username }, from('203.0.113.7'));
      statuses.push(response.status);
    }

    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect((await boardLogin('nadie-mas', 'x', from('203.0.113.7'))).status).toBe(429);
    expect((await api.post('/api/auth/token', { username: 'nadie-mas', password: 'x' }, from('203.0.113.7'))).status).toBe(429);
    expect((await api.post('/api/auth/token', { username: 'nadie-mas', password: 'x' }, from('198.51.100.9'))).status).toBe(401);
  });

  it('limits the attempts at one account whatever the address they come from', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await api.post('/api/auth/token', { username: 'objetivo', password: `intento ${attempt}` }, { 'x-forwarded-for': `198.51.100.${100 + attempt}` });
      statuses.push(response.status);
    }

    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});
