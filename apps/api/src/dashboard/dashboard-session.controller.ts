import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { sessionCookieToken } from '../auth/jwt-auth.guard';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { Public } from '../auth/public.decorator';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ApiProblem } from '../errors/api-problem';
import { DashboardPageFilter, sendPage } from './dashboard-page.filter';
import { clearedSessionCookie, isSameOriginPost, safeNext, sessionCookie } from './session/dashboard-session';
import { loginView } from './views/login.view';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Signing in and out of the board. The form posts here (not to POST /api/auth/token) so the token goes straight
 * from the server into an HttpOnly cookie; the credentials are checked by the same AuthService, under the same
 * rate limit.
 */
@ApiExcludeController()
@Public()
@UseFilters(DashboardPageFilter)
@Controller('tablero')
export class DashboardSessionController {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('login')
  loginPage(@Query('siguiente') next: unknown, @Res() response: Response): void {
    sendPage(response, 200, loginView({ next: safeNext(next), demo: this.config.seedDemoUsers }));
  }

  @Post('login')
  @UseGuards(LoginThrottlerGuard)
  async login(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const next = safeNext(body?.siguiente);
    const username = text(body?.username).trim().slice(0, 64);
    const password = text(body?.password).slice(0, 256);
    const again = (status: number, error: string) =>
      sendPage(response, status, loginView({ next, username, error, demo: this.config.seedDemoUsers }));
    if (!isSameOriginPost(request)) return again(403, 'El inicio de sesión debe hacerse desde esta página.');
    if (!username || !password) return again(400, 'Escriba su usuario y su contraseña.');
    try {
      const issued = await this.auth.issueToken({ username, password });
      response.setHeader('Set-Cookie', sessionCookie(issued.accessToken, issued.expiresIn, request.secure));
      response.redirect(303, next);
    } catch (error) {
      if (error instanceof ApiProblem && error.getStatus() === 401) return again(401, error.body.message);
      throw error;
    }
  }

  /** Ends the session for real: the token is revoked (with every other of the account), not only forgotten. */
  @Post('salir')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (isSameOriginPost(request)) {
      const token = sessionCookieToken(request.headers.cookie);
      const user = token ? await this.auth.authenticate(token).catch(() => undefined) : undefined;
      if (user) await this.auth.revokeSessions(user.id);
      response.setHeader('Set-Cookie', clearedSessionCookie(request.secure));
    }
    response.redirect(303, '/tablero/login');
  }
}
