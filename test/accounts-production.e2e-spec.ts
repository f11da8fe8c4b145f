import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CommandUpdateDefinition, stlUpdates, stlWorkflowId, TASK_QUEUE } from '@app/contracts';
import { addDays, businessCalendar, localDateAt, STL_2017, stlSeedCommands, type StlState } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT, type RunningSystem, startSystem } from '../tools/stack';
import { authHeader } from './support/auth';
import { type HttpClient, httpClient } from './support/http';

interface MailDevEmail {
  readonly subject: string;
  readonly to: readonly { readonly address: string }[];
  readonly text: string;
}

const run = promisify(execFile);
const GARANTE_EMAIL = 'titular@itei.ejemplo.mx';

/** `npm run users -- …` as the operator types it, against the system's database. */
async function users(system: RunningSystem, args: string[], stdin?: string): Promise<string> {
  const child = run(process.execPath, [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'apps/api/src/users/cli/main.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: system.databaseUrl, PUBLIC_BASE_URL: system.apiUrl },
  });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  return (await child).stdout;
}

/**
 * The "Done when", on a system started as a real deployment starts (APP_MODE=production, a strong secret,
 * no seed, no demo accounts), with MailDev as the local SMTP inbox.
 */
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
      env: { APP_MODE: 'production', NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex') },
    });
    api = httpClient(system.apiUrl);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Jalisco's STL as installed in 2017, loaded the way the seed loads it (its installation is not this test's subject). */
  async function installJalisco(today: string): Promise<void> {
    const connection = await Connection.connect({ address: system.temporalAddress });
    try {
      const client = new Client({ connection });
      await client.workflow.start('stlWorkflow', { workflowId: stlWorkflowId('14'), taskQueue: TASK_QUEUE, args: [{ entidad: '14' }] });
      const jalisco = STL_2017.find((record) => record.entidad === '14')!;
      for (const command of stlSeedCommands(jalisco, { installedOn: addDays(today, -7), now: new Date().toISOString() })) {
        const update = stlUpdates[command.type as keyof typeof stlUpdates] as unknown as CommandUpdateDefinition<StlState>;
        await client.workflow.getHandle(stlWorkflowId('14')).executeUpdate(update, { args: [{ data: command.data, actor: 'e2e' }] });
      }
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
    expect(link.origin).toBe(system.apiUrl);
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

    const audit = await api.get('/api/users/audit', authHeader(coordinador));
    expect((audit.body.entries as { action: string; username: string }[]).map((entry: { action: string; username: string }) => `${entry.action} ${entry.username}`)).toEqual(
      expect.arrayContaining(['created coordinacion', 'created garante-14', 'password-set garante-14', 'deactivated garante-14']),
    );
  });
});
