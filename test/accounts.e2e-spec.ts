import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { accessTokenOptions } from '../apps/api/src/auth/access-token-options';
import { authHeader, authenticatedApi, tokenFor } from './support/auth';
import { e2eApi, type HttpClient } from './support/http';
import { usersCli } from './support/users-cli';

const PASSWORD = 'una frase de paso larga';

/**
 * Accounts on the shared development system: who manages whom, what ends a session, and the findings of issue 14
 * that concern signing in. Accounts of their own are made with `npm run users` so the demo accounts stay intact.
 */
describe('accounts and sessions', () => {
  const api = e2eApi();
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  const coordinador = authenticatedApi(api, 'coordinador');
  const enlace = authenticatedApi(api, 'enlace');

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  async function account(username: string, role: string, entidades: string): Promise<string> {
    const args = ['create', '--username', username, '--role', role, '--nombre', `Cuenta ${username}`, '--email', `${username}@ejemplo.mx`];
    await usersCli(process.env.E2E_DATABASE_URL!, [...args, ...(entidades ? ['--entidades', entidades] : []), '--password-stdin'], PASSWORD);
    const login = await api.post('/api/auth/token', { username, password: PASSWORD });
    expect(login.status).toBe(200);
    return login.body.accessToken as string;
  }

  const me = (token: string) => api.get('/api/auth/me', authHeader(token));

  describe('who manages whom', () => {
    it('an enlace sees and invites the state accounts of its own states only', async () => {
      const listed = await enlace.get('/api/users');
      const invited = await enlace.post('/api/users', { username: 'facilitador-20b', role: 'facilitador', nombre: 'Facilitación', email: 'f20b@ejemplo.mx', entidades: ['20'] });
      const foreign = await enlace.post('/api/users', { username: 'garante-31b', role: 'garante', nombre: 'Garante', email: 'g31b@ejemplo.mx', entidades: ['31'] });
      const anotherEnlace = await enlace.post('/api/users', { username: 'enlace-b', role: 'enlace', nombre: 'Enlace', email: 'e@ejemplo.mx', entidades: ['14'] });

      expect(listed.status).toBe(200);
      const seen = (listed.body.users as { role: string; entidades: string[] }[]);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((user) => ['garante', 'facilitador', 'integrante'].includes(user.role) && ['14', '20', '26', '29'].includes(user.entidades[0]))).toBe(true);
      expect(invited.status).toBe(201);
      expect(invited.body.account).toMatchObject({ username: 'facilitador-20b', hasPassword: false, active: true });
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('FORBIDDEN_ACCOUNT');
      expect(anotherEnlace.status).toBe(403);
      expect((await enlace.request('PATCH', '/api/users/coordinador', { nombre: 'Yo' })).status).toBe(403);
      expect((await enlace.request('PATCH', '/api/users/facilitador-20b', { entidades: ['31'] })).body.code).toBe('FORBIDDEN_ACCOUNT');
    });

    it('a garante manages no account', async () => {
      const response = await authenticatedApi(api, 'garante-14').get('/api/users');

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN_ROLE');
    });

    it('a change of states ends the account’s sessions at once, and is audited with who, what and when', async () => {
      const token = await account('integrante-14-cambio', 'integrante', '14');
      expect((await me(token)).status).toBe(200);

      const moved = await coordinador.request('PATCH', '/api/users/integrante-14-cambio', { entidades: ['20'] });

      expect(moved.status).toBe(200);
      expect((await me(token)).status).toBe(401);
      const audit = await coordinador.get('/api/users/audit');
      expect(audit.body.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: 'coordinador', username: 'integrante-14-cambio', action: 'updated', details: { before: { entidades: ['14'] }, after: { entidades: ['20'] } } }),
        ]),
      );
    });
  });

  describe('one’s own session', () => {
    it('logging out makes the token a 401 at once', async () => {
      const token = await account('garante-14-salida', 'garante', '14');

      expect((await api.post('/api/auth/logout', undefined, authHeader(token))).status).toBe(204);

      expect((await me(token)).status).toBe(401);
    });

    it('changing one’s password ends the old sessions; the new one signs in', async () => {
      const token = await account('garante-14-cambio', 'garante', '14');
      const wrong = await api.put('/api/auth/me/password', { current: 'no es', new: 'otra frase bastante larga' }, authHeader(token));
      const weak = await api.put('/api/auth/me/password', { current: PASSWORD, new: 'corta' }, authHeader(token));

      const changed = await api.put('/api/auth/me/password', { current: PASSWORD, new: 'otra frase bastante larga' }, authHeader(token));

      expect(wrong.body.code).toBe('WRONG_PASSWORD');
      expect(weak.status).toBe(400);
      expect(changed.status).toBe(204);
      expect((await me(token)).status).toBe(401);
      expect((await api.post('/api/auth/token', { username: 'garante-14-cambio', password: 'otra frase bastante larga' })).status).toBe(200);
    });

    it('asking for a reset answers the same 202 for an account that does not exist', async () => {
      const real = await api.post('/api/auth/password-reset', { username: 'garante-14' });
      const unknown = await api.post('/api/auth/password-reset', { username: 'no-existe-nadie' });

      expect(real.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(real.body);
    });
  });

  describe('tokens', () => {
    const secret = process.env.E2E_JWT_SECRET!;
    const claimsOf = async (username: string) => {
      const { rows } = await database.query('SELECT id, session_version FROM users WHERE username = $1', [username]);
      const [user] = rows as { id: string; session_version: number }[];
      return { sub: user.id, ver: user.session_version };
    };
    const sign = (claims: object, options: object) =>
      new JwtService({ ...accessTokenOptions({ jwtSecret: secret, jwtTtlSeconds: 3_600 }), signOptions: {} }).sign({ ...claims }, { algorithm: 'HS256', ...options });

    it('refuses a token without exp, one that lives longer than JWT_TTL, and one without audience', async () => {
      const claims = await claimsOf('garante-14');
      const common = { issuer: 'cocreacion-local', audience: 'cocreacion-api' };

      const valid = sign(claims, { ...common, expiresIn: 3_600 });
      const forever = sign(claims, common);
      const tooLong = sign(claims, { ...common, expiresIn: 30 * 86_400 });
      const noAudience = sign(claims, { issuer: 'cocreacion-local', expiresIn: 3_600 });

      expect((await me(valid)).status).toBe(200);
      for (const token of [forever, tooLong, noAudience]) expect((await me(token)).status).toBe(401);
    });

    it('reads the Bearer scheme case-insensitively', async () => {
      const claims = await claimsOf('garante-14');
      const token = sign(claims, { issuer: 'cocreacion-local', audience: 'cocreacion-api', expiresIn: 600 });

      expect((await api.get('/api/auth/me', { authorization: `bearer ${token}` })).status).toBe(200);
      expect((await api.get('/api/auth/me', { authorization: `BEARER ${token}` })).status).toBe(200);
    });
  });

  describe('the board’s account pages', () => {
    it('lists the accounts and their audit for the coordinación, and refuses a garante', async () => {
      const asCoordinador = await pageAs(api, 'coordinador', '/tablero/cuentas');
      const asGarante = await pageAs(api, 'garante-14', '/tablero/cuentas');

      expect(asCoordinador.status).toBe(200);
      expect(asCoordinador.body).toContain('<h1>Cuentas</h1>');
      expect(asCoordinador.body).toContain('garante-14');
      expect(asCoordinador.body).toContain('Últimos cambios de cuentas');
      expect(asGarante.status).toBe(403);
    });

    it('offers the set-password form from a link, the change form when signed in, and the reset request otherwise', async () => {
      const fromLink = await api.get('/tablero/contrasena?token=abcdefghijklmnopqrstuvwxyz012345');
      const signedIn = await pageAs(api, 'garante-14', '/tablero/contrasena');
      const anonymous = await api.get('/tablero/contrasena');

      expect(fromLink.body).toContain('data-api="/api/auth/password"');
      expect(signedIn.body).toContain('data-api="/api/auth/me/password"');
      expect(anonymous.body).toContain('data-api="/api/auth/password-reset"');
    });
  });

  describe('findings', () => {
    it('answers a login whose username holds a NUL with 400, not 500', async () => {
      const response = await api.post('/api/auth/token', { username: 'garante\u000014', password: 'x' });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('never gives an integrante the members’ e-mails; a garante gets them', async () => {
      const asIntegrante = await authenticatedApi(api, 'integrante-14').get('/api/stls/14');
      const asGarante = await authenticatedApi(api, 'garante-14').get('/api/stls/14');

      expect(asIntegrante.status).toBe(200);
      const emails = (client: { body: { members: { email: string | null }[] } }) => client.body.members.map((member) => member.email);
      expect(emails(asIntegrante).every((email) => email === null)).toBe(true);
      expect(emails(asGarante).some((email) => email !== null)).toBe(true);
    });

    it('refuses __proto__ in a query with 400, as a page on the board and as JSON on the API', async () => {
      const board = await pageAs(api, 'coordinador', '/tablero?orden=__proto__');
      const json = await coordinador.get('/api/exercises?__proto__=1');

      expect(board.status).toBe(400);
      expect(board.headers.get('content-type')).toContain('text/html');
      expect(json.status).toBe(400);
      expect(json.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers an unknown board page with a Spanish HTML 404', async () => {
      const response = await api.get('/tablero/no-existe/tampoco');

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.body).toContain('Página no encontrada');
    });
  });
});

/** A board page with a demo account's session cookie, as a browser would ask for it. */
async function pageAs(api: HttpClient, username: string, path: string) {
  return api.get(path, { cookie: `cocreacion_sesion=${await tokenFor(api, username)}` });
}
