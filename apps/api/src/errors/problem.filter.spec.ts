import { type ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { ApiProblem } from './api-problem';
import { ProblemFilter } from './problem.filter';

function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ path: '/api/exercises' }) }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return sent;
}

describe('ProblemFilter: one error shape, a stable code and a Spanish message, never a stack trace', () => {
  it('passes the API problems through', () => {
    expect(answer(new ApiProblem(422, 'DATE_IN_FUTURE', 'La fecha es posterior a hoy.', { field: 'completedOn' }))).toEqual({
      status: 422,
      body: { statusCode: 422, code: 'DATE_IN_FUTURE', message: 'La fecha es posterior a hoy.', field: 'completedOn' },
    });
  });

  it('names invalid JSON (what Nest makes of the body parser SyntaxError)', () => {
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 9'))).toEqual({
      status: 400,
      body: { statusCode: 400, code: 'MALFORMED_JSON', message: 'El cuerpo no es JSON válido.' },
    });
  });

  it('answers a malformed path escape as a 400 of its own', () => {
    expect(answer(new BadRequestException('Failed to decode param \'%E0%A4%A\''))).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
  });

  it('gives Spanish messages to Nest’s own HTTP errors', () => {
    expect(answer(new NotFoundException('Cannot GET /api/nada'))).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', message: 'El recurso solicitado no existe.' },
    });
  });

  it('answers 503 when PostgreSQL is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(answer(refused)).toMatchObject({ status: 503, body: { code: 'DATABASE_UNAVAILABLE' } });
  });

  it('hides everything else behind a generic 500, the stack going to the log instead', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { status, body } = answer(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Error interno; el equipo técnico fue notificado.' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("TypeError: Cannot read properties of undefined (reading 'x')"));
  });
});
