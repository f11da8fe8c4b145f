import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentRequestId } from './request-context';

/**
 * Nest's logger in production: one JSON object per line on stdout (pino), for a log collector to index, each line
 * naming the service, the Nest context and, inside a request or an activity, its `requestId`.
 */
export class JsonLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(service: 'api' | 'worker') {
    this.logger = pino({ base: { service }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });
  }

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, context: unknown[]): void {
    const requestId = currentRequestId();
    const fields: Record<string, unknown> = {};
    const last = context.at(-1);
    if (typeof last === 'string') fields.context = last;
    if (level === 'error' && typeof context[0] === 'string' && context.length > 1) fields.stack = context[0];
    if (requestId !== undefined) fields.requestId = requestId;
    if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }

  /** A line of the Temporal SDK's own logger (its meta names the workflow, the activity and the request id). */
  temporal(level: string, message: string, meta: Record<string, unknown> = {}): void {
    const method = ({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const)[level] ?? 'info';
    this.logger[method]({ context: 'Temporal', ...meta }, message);
  }

  log(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }

  error(message: unknown, ...context: unknown[]): void {
    this.write('error', message, context);
  }

  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }
}
