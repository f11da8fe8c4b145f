import { type ArgumentsHost, BadRequestException, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { noteProblemCode } from '../observability/http-observability';
import { DashboardPageFilter } from '../dashboard/dashboard-page.filter';
import { ApiProblem, type ProblemBody } from './api-problem';

const GENERIC_BY_STATUS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'La solicitud no es válida.'],
  401: ['UNAUTHORIZED', 'Se requiere iniciar sesión.'],
  403: ['FORBIDDEN', 'No tiene permiso para esta acción.'],
  404: ['NOT_FOUND', 'El recurso solicitado no existe.'],
  405: ['METHOD_NOT_ALLOWED', 'Método no permitido.'],
  413: ['PAYLOAD_TOO_LARGE', 'El cuerpo de la solicitud es demasiado grande.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Envíe el cuerpo como application/json.'],
  429: ['TOO_MANY_REQUESTS', 'Demasiadas solicitudes; intente más tarde.'],
};

/** Errors raised by Express' body parser before any controller runs (malformed JSON, too large…). */
interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly statusCode?: number;
}

const MALFORMED_JSON: ProblemBody = { statusCode: 400, code: 'MALFORMED_JSON', message: 'El cuerpo no es JSON válido.' };

/**
 * Nest turns the body parser's SyntaxError (invalid JSON) and Express' URIError (a bad %-escape in the path) into
 * a bare BadRequestException carrying the parser's English message; the API answers with its own codes instead.
 */
function fromNestBadRequest(exception: HttpException): ProblemBody {
  const response = exception.getResponse() as { message?: unknown };
  const detail = typeof response === 'object' && typeof response.message === 'string' ? response.message : '';
  return /JSON/i.test(detail)
    ? MALFORMED_JSON
    : { statusCode: 400, code: 'MALFORMED_REQUEST', message: 'La dirección o el cuerpo de la solicitud están mal formados.' };
}

function problemFor(exception: unknown): ProblemBody | undefined {
  if (exception instanceof ApiProblem) return exception.body;
  if (exception instanceof BadRequestException) return fromNestBadRequest(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const [code, message] = GENERIC_BY_STATUS[status] ?? ['HTTP_ERROR', 'La solicitud no pudo atenderse.'];
    return { statusCode: status, code, message };
  }
  const parser = exception as BodyParserError;
  if (parser?.type === 'entity.parse.failed') return MALFORMED_JSON;
  const status = parser?.status ?? parser?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, message] = GENERIC_BY_STATUS[status] ?? ['BAD_REQUEST', 'La solicitud no es válida.'];
    return { statusCode: status, code, message };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'La base de datos no está disponible; intente más tarde.' };
  }
  return undefined;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001']);

/** PostgreSQL down or restarting: the request may succeed later, so 503 rather than 500. */
function isDatabaseUnavailable(exception: unknown): boolean {
  let cause: unknown = exception;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(cause.message)) return true;
    cause = (cause as { cause?: unknown }).cause ?? (cause as { driverError?: unknown }).driverError;
  }
  return false;
}

/** One shape for every error; never a stack trace in a response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private readonly pages = new DashboardPageFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // A path under /tablero that no page matched (Nest's router 404 reaches only global filters): a page, not JSON.
    if (host.switchToHttp().getRequest<Request | undefined>()?.path?.startsWith('/tablero')) return this.pages.catch(exception, host);
    const problem = problemFor(exception) ?? this.internal(exception);
    if (response.headersSent) return;
    noteProblemCode(response, problem.code);
    response.status(problem.statusCode).json(problem);
  }

  private internal(exception: unknown): ProblemBody {
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Error interno; el equipo técnico fue notificado.' };
  }
}
