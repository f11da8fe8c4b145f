import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { type AuthenticatedRequest } from '../auth/authenticated-user';
import { SESSION_COOKIE } from '../auth/jwt-auth.guard';
import { ApiProblem } from '../errors/api-problem';
import { type SafeHtml } from './html/html';
import { cameFromAnotherSite, clearedSessionCookie, safeNext } from './session/dashboard-session';
import { continueView, errorView } from './views/login.view';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Solicitud no válida',
  403: 'Sin acceso',
  404: 'Página no encontrada',
  429: 'Demasiadas solicitudes',
  503: 'Servicio no disponible',
};

function messageOf(exception: unknown, status: number): string {
  if (exception instanceof ApiProblem) return exception.body.message;
  if (status === 404) return 'La página que busca no existe.';
  if (status >= 500) return 'Ocurrió un error al preparar la página; intente de nuevo en unos momentos.';
  return 'La solicitud no pudo atenderse.';
}

export function sendPage(response: Response, status: number, page: SafeHtml): void {
  response.status(status).type('html').setHeader('Cache-Control', 'no-store');
  response.send(page.value);
}

/**
 * Errors of the board's pages as pages, not JSON: without a session, to the login form (and back afterwards);
 * otherwise a Spanish page that says what happened and leads back to the board.
 */
@Catch()
export class DashboardPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Tablero');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest & Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (status === 401 && request.method === 'GET') return this.toLogin(request, response);
    const title = TITLES[status] ?? 'Error';
    sendPage(response, status, errorView(title, messageOf(exception, status), status, request.user));
  }

  private toLogin(request: Request, response: Response): void {
    const target = safeNext(request.originalUrl);
    if (cameFromAnotherSite(request)) {
      // The browser withheld the SameSite=Strict cookie: try once more from this site before asking to sign in.
      return sendPage(response, 200, continueView(target));
    }
    if ((request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)) {
      response.setHeader('Set-Cookie', clearedSessionCookie(request.secure));
    }
    response.redirect(303, `/tablero/login?siguiente=${encodeURIComponent(target)}`);
  }
}
