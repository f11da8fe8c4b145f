import { HttpException } from '@nestjs/common';

/**
 * Every error the API answers: an HTTP status, a stable `code` clients can branch on, a Spanish `message` for
 * people, and optional fields (e.g. `deadline` for NOTICE_TOO_SHORT, `errors` for invalid fields).
 */
export interface ProblemBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export class ApiProblem extends HttpException {
  constructor(status: number, code: string, message: string, fields: Record<string, unknown> = {}) {
    super({ ...fields, statusCode: status, code, message } satisfies ProblemBody, status);
  }

  get body(): ProblemBody {
    return this.getResponse() as ProblemBody;
  }
}

export const notFound = (code: string, message: string) => new ApiProblem(404, code, message);
export const serviceUnavailable = (code: string, message: string) => new ApiProblem(503, code, message);

/** The 400 of an invalid path or query parameter, in the same shape as the body's validation errors. */
export function invalidField(field: string, message: string): ApiProblem {
  return new ApiProblem(400, 'VALIDATION_FAILED', `Datos inválidos. ${field}: ${message}`, { errors: [{ field, message }] });
}
