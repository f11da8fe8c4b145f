import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { requestContext } from '@app/observability';
import { type NextFunction, type Request, type Response } from 'express';
import { commands, httpRequests } from './api-metrics';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POSTs that change nothing the event log holds. */
const NOT_COMMANDS = ['/api/auth/'];

/** One line per command: the first hop of following a command by its request id (README, Observability). */
const logger = new Logger('Orden');

/** The problem code each error answer carried (ProblemFilter notes it), for the refused-commands counter. */
const problemCodes = new WeakMap<object, string>();

export function noteProblemCode(response: object, code: string): void {
  problemCodes.set(response, code);
}

/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a sane one, else a new UUID), echoed in the
 * answer and kept in the request context: the log lines of the request, and through a Temporal header those of its
 * workflow Update and activities, carry it. When the answer is sent: its latency by route template (never the raw
 * path, which would make a series per exercise), and for commands whether they were accepted or refused with which
 * code, counted and logged.
 */
export function httpObservability(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('x-request-id', requestId);
  const stop = httpRequests.startTimer();
  const startedAt = performance.now();
  response.once('finish', () => {
    const route = request.route ? `${request.baseUrl}${(request.route as { path: string }).path}` : 'sin_ruta';
    const status = String(response.statusCode);
    stop({ route, method: request.method, status });
    const path = request.originalUrl.split('?')[0];
    if (COMMAND_METHODS.has(request.method) && path.startsWith('/api/') && !NOT_COMMANDS.some((prefix) => path.startsWith(prefix))) {
      const code = response.statusCode < 400 ? '' : (problemCodes.get(response) ?? status);
      commands.inc({ outcome: code === '' ? 'accepted' : 'refused', code });
      // Written out: 'finish' is not sure to run inside the request's context.
      logger.log({
        msg: `${request.method} ${route} ${status}${code === '' ? '' : ` ${code}`}`,
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        ...(code === '' ? {} : { code }),
        durationMs: Math.round(performance.now() - startedAt),
      });
    }
  });
  requestContext.run({ requestId }, () => next());
}
