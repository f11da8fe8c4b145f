import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Response } from 'express';
import { ApiProblem } from '../errors/api-problem';
import { type AuthenticatedRequest } from './authenticated-user';
import { unauthenticated } from './auth-problems';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

// RFC 7235: the scheme's name is case-insensitive.
const BEARER = /^Bearer +([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/i;

/** The board's pages (apps/api/src/dashboard) keep the same access token in this HttpOnly, SameSite=Strict cookie. */
export const SESSION_COOKIE = 'cocreacion_sesion';

/**
 * A request authenticated by the cookie that changes something must carry this header. A form on another site
 * cannot set it, and a script on another origin cannot send it without a CORS preflight, which this API never
 * grants: with SameSite=Strict, the second lock against cross-site request forgery.
 */
export const CSRF_HEADER = 'x-requested-with';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token in the session cookie of a `Cookie` header, if any. */
export function sessionCookieToken(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) return pair.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}

const csrfHeaderMissing = () =>
  new ApiProblem(
    403,
    'CSRF_HEADER_REQUIRED',
    `Con la sesión del tablero, las acciones deben enviarse desde el propio tablero (falta el encabezado ${CSRF_HEADER}).`,
  );

/**
 * Global: every route needs a valid access token unless it (or its controller) is marked @Public(): a bearer token,
 * or else the board's session cookie (then, for anything but reading, also the CSRF header).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const cookieToken = header ? undefined : sessionCookieToken(request.headers.cookie);
    try {
      if (cookieToken) {
        const user = await this.auth.authenticate(cookieToken);
        if (!SAFE_METHODS.has(request.method) && !request.headers[CSRF_HEADER]) throw csrfHeaderMissing();
        request.user = user;
        return true;
      }
      if (!header) throw unauthenticated();
      const token = BEARER.exec(header.trim())?.[1];
      if (!token) throw unauthenticated('El encabezado Authorization debe tener la forma "Bearer <token>".');
      request.user = await this.auth.authenticate(token);
      return true;
    } catch (error) {
      // RFC 6750: tell the client which scheme to use (and, when a token was sent, that it was refused).
      if (error instanceof ApiProblem && error.getStatus() === 401) {
        const challenge =
          header || cookieToken ? 'Bearer realm="cocreacion", error="invalid_token"' : 'Bearer realm="cocreacion"';
        http.getResponse<Response>().setHeader('WWW-Authenticate', challenge);
      }
      throw error;
    }
  }
}
