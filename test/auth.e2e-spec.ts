import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { accessTokenOptions } from '../apps/api/src/auth/access-token-options';
import { authHeader, DEMO_PASSWORD, tokenFor } from './support/auth';
import { e2eApi } from './support/http';

/** Routes anyone may call; every other documented route needs a bearer token. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/health/ready',
  'POST /api/auth/token',
  'POST /api/auth/password',
  'POST /api/auth/password-reset',
  'GET /api/calendar/notice-deadline',
  'GET /api/stls/{entidad}/sessions.ics',
  'GET /api/open-data/exercises.csv',
  'GET /api/open-data/exercises.json',
]);

/** A value for each path parameter, so every documented route can be called. */
const PATH_PARAMETER_EXAMPLES: Record<string, string> = { id: '14-1', entidad: '14', stage: '1', step: '1' };

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly security?: readonly Record<string, unknown>[] }>>;
}

function documentedRoutes(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_match, name: string) => PATH_PARAMETER_EXAMPLES[name] ?? 'x'),
      bearer: (operation.security ?? []).some((requirement) => 'bearer' in requirement),
    })),
  );
}

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
const UNSIGNED_TOKEN = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: '00000000-0000-0000-0000-000000000000' })}.`;

/** Tokens as an attacker or a clock would make them: same claims, with the run's key or another one. */
function forge(secret: string, claims: object, expiresIn: number): string {
  return new JwtService(accessTokenOptions({ jwtSecret: secret, jwtTtlSeconds: 3_600 })).sign({ ...claims }, { expiresIn });
}

describe('authentication (POST /api/auth/token and bearer tokens)', () => {
  const api = e2eApi();
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  const secret = process.env.E2E_JWT_SECRET!;

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  const claimsOf = async (username: string) => {
    const { rows } = await database.query('SELECT id, username, role, entidades FROM users WHERE username = $1', [username]);
    const [user] = rows as { id: string; username: string; role: string; entidades: string[] }[];
    return { sub: user.id, username: user.username, role: user.role, entidades: user.entidades };
  };

  describe('POST /api/auth/token', () => {
    it('gives a demo account a bearer token that opens the protected routes', async () => {
      const response = await api.post('/api/auth/token', { username: 'garante-14', password: DEMO_PASSWORD });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 8 * 3_600,
        user: { username: 'garante-14', role: 'garante', entidades: ['14'], nombre: 'Organismo garante de Jalisco' },
      });
      const me = await api.get('/api/auth/me', authHeader(response.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toEqual(response.body.user);
      expect((await api.get('/api/exercises', authHeader(response.body.accessToken))).status).toBe(200);
    });

    it('accepts the username in any case and with spaces around it', async () => {
      const response = await api.post('/api/auth/token', { username: ' Enlace ', password: DEMO_PASSWORD });

      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ username: 'enlace', role: 'enlace', entidades: ['14', '20', '26', '29'] });
    });

    it('answers a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS', async () => {
      const wrongPassword = await api.post('/api/auth/token', { username: 'garante-20', password: 'no-es-la-clave' });
      const unknownUser = await api.post('/api/auth/token', { username: 'nadie-sabe', password: DEMO_PASSWORD });

      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Usuario o contraseña incorrectos.',
      });
      expect(unknownUser.status).toBe(401);
      expect(unknownUser.body).toEqual(wrongPassword.body);
    });

    it('refuses a request without a password with 400 naming the field', async () => {
      const response = await api.post('/api/auth/token', { username: 'garante-14' });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    });

    it('stops guessing at one account after 10 attempts a minute with 429 TOO_MANY_REQUESTS, in Spanish', async () => {
      const attempts = [];
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        attempts.push((await api.post('/api/auth/token', { username: 'facilitador-32', password: `intento-${attempt}` })).status);
      }
      const blocked = await api.post('/api/auth/token', { username: 'facilitador-32', password: 'intento-11' });
      const evenTheRightOne = await api.post('/api/auth/token', { username: 'facilitador-32', password: DEMO_PASSWORD });

      expect(attempts).toEqual(Array(10).fill(401));
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Demasiados intentos/) });
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(evenTheRightOne.status).toBe(429);
      // Another account from the same address still signs in.
      expect((await api.post('/api/auth/token', { username: 'garante-32', password: DEMO_PASSWORD })).status).toBe(200);
    });
  });

  describe('bearer tokens on protected routes', () => {
    it('asks for a token when there is none: 401 UNAUTHENTICATED with a Bearer challenge', async () => {
      const response = await api.get('/api/exercises');

      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/iniciar sesión/) });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it.each([
      ['garbage', { authorization: 'Bearer basura' }],
      ['another scheme', { authorization: 'Basic Z2FyYW50ZS0xNDpjb2NyZWFjaW9u' }],
      ['an unsigned token (alg none)', { authorization: `Bearer ${UNSIGNED_TOKEN}` }],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_case, headers) => {
      const response = await api.get('/api/exercises', headers);

      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with another key', async () => {
      const forged = forge('otra-clave-que-no-es-la-del-servidor', await claimsOf('coordinador'), 3_600);

      const response = await api.get('/api/exercises', authHeader(forged));

      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
      const expired = forge(secret, await claimsOf('garante-14'), -60);

      const response = await api.get('/api/exercises', authHeader(expired));

      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'TOKEN_EXPIRED', message: expect.stringMatching(/La sesión expiró/) });
    });

    it('stops honouring the tokens of an account as soon as it is deactivated', async () => {
      const token = await tokenFor(api, 'integrante-02');
      expect((await api.get('/api/auth/me', authHeader(token))).status).toBe(200);

      await database.query("UPDATE users SET active = false WHERE username = 'integrante-02'");

      expect((await api.get('/api/auth/me', authHeader(token))).body.code).toBe('UNAUTHENTICATED');
      const login = await api.post('/api/auth/token', { username: 'integrante-02', password: DEMO_PASSWORD });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('every route', () => {
    it('needs a token unless it is public, and says so in the OpenAPI document', async () => {
      const document = await api.get<OpenApiDocument>('/api/docs-json');
      const routes = documentedRoutes(document.body);

      expect(routes.map((route) => route.route)).toEqual(expect.arrayContaining([...PUBLIC_ROUTES]));
      const seen = [];
      for (const route of routes) {
        const response = await api.request(route.method, route.url, route.method === 'GET' ? undefined : {});
        seen.push({ route: route.route, refusedWithoutToken: response.status === 401, bearerDocumented: route.bearer });
      }
      expect(seen).toEqual(
        routes.map(({ route }) => ({ route, refusedWithoutToken: !PUBLIC_ROUTES.has(route), bearerDocumented: !PUBLIC_ROUTES.has(route) })),
      );
    });

    it('serves Swagger UI to anyone, under security headers that let it run', async () => {
      const docs = await api.get('/api/docs');
      const csp = docs.headers.get('content-security-policy') ?? '';

      expect(docs.status).toBe(200);
      expect(docs.body).toContain('swagger-ui');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});
