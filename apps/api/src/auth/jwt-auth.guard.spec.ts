import { type ExecutionContext } from '@nestjs/common';
import { type Reflector } from '@nestjs/core';
import { ApiProblem } from '../errors/api-problem';
import { type AuthenticatedRequest, type AuthenticatedUser } from './authenticated-user';
import { invalidToken } from './auth-problems';
import { type AuthService } from './auth.service';
import { JwtAuthGuard, sessionCookieToken } from './jwt-auth.guard';

const GARANTE: AuthenticatedUser = { id: 'u-1', username: 'garante-14', role: 'garante', entidades: ['14'], nombre: 'Garante' };
const TOKEN = 'aaa.bbb.ccc';

function guardWith(authenticate: (token: string) => Promise<AuthenticatedUser>) {
  const reflector = { getAllAndOverride: () => false } as unknown as Reflector;
  return new JwtAuthGuard(reflector, { authenticate } as unknown as AuthService);
}

function contextFor(method: string, headers: Record<string, string>) {
  const request = { method, headers } as unknown as AuthenticatedRequest;
  const responseHeaders: Record<string, string> = {};
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => ({ setHeader: (name: string, value: string) => (responseHeaders[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  return { context, request, responseHeaders };
}

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the guard and the board’s session cookie', () => {
  const authenticate = jest.fn((token: string) => (token === TOKEN ? Promise.resolve(GARANTE) : Promise.reject(invalidToken())));
  const guard = guardWith(authenticate);

  beforeEach(() => authenticate.mockClear());

  it('reads the token from the cookie among others', () => {
    expect(sessionCookieToken(`a=1; cocreacion_sesion=${TOKEN}; b=2`)).toBe(TOKEN);
    expect(sessionCookieToken('cocreacion_sesion=')).toBeUndefined();
    expect(sessionCookieToken('otra_cocreacion_sesion=x')).toBeUndefined();
    expect(sessionCookieToken(undefined)).toBeUndefined();
  });

  it('accepts the cookie for reading', async () => {
    const { context, request } = contextFor('GET', { cookie: `cocreacion_sesion=${TOKEN}` });

    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual(GARANTE);
  });

  it('refuses a change authenticated by the cookie without the board’s header (CSRF), and accepts it with', async () => {
    const forged = contextFor('POST', { cookie: `cocreacion_sesion=${TOKEN}` });
    const fromBoard = contextFor('POST', { cookie: `cocreacion_sesion=${TOKEN}`, 'x-requested-with': 'tablero' });

    const problem = await problemOf(guard.canActivate(forged.context));

    expect(problem.body).toMatchObject({ statusCode: 403, code: 'CSRF_HEADER_REQUIRED' });
    expect(forged.request.user).toBeUndefined();
    await expect(guard.canActivate(fromBoard.context)).resolves.toBe(true);
  });

  it('prefers the bearer header, which needs no CSRF header', async () => {
    const { context } = contextFor('POST', { authorization: `Bearer ${TOKEN}`, cookie: 'cocreacion_sesion=otro.token.x' });

    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledWith(TOKEN);
  });

  it('answers 401 with a challenge to an invalid cookie, and to no credentials at all', async () => {
    const invalid = contextFor('GET', { cookie: 'cocreacion_sesion=otro.token.x' });
    const none = contextFor('GET', {});

    expect((await problemOf(guard.canActivate(invalid.context))).getStatus()).toBe(401);
    expect(invalid.responseHeaders['WWW-Authenticate']).toContain('error="invalid_token"');
    expect((await problemOf(guard.canActivate(none.context))).body.code).toBe('UNAUTHENTICATED');
    expect(none.responseHeaders['WWW-Authenticate']).toBe('Bearer realm="cocreacion"');
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('reads the scheme "%s" as Bearer (RFC 7235: case-insensitive)', async (scheme) => {
    const { context } = contextFor('GET', { authorization: `${scheme} ${TOKEN}` });

    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledWith(TOKEN);
  });
});
