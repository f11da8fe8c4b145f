import { entidadName, type Entidad } from '@app/domain';
import { ApiProblem } from '../errors/api-problem';
import { type NotFoundMessage } from '../temporal/workflow-commands';

export function stlNotFound(entidad: Entidad): NotFoundMessage {
  return { code: 'STL_NOT_FOUND', message: `${entidadName(entidad)} (${entidad}) no tiene un Secretariado Técnico Local registrado.` };
}

export function stlNotFoundProblem(entidad: Entidad): ApiProblem {
  const { code, message } = stlNotFound(entidad);
  return new ApiProblem(404, code, message, { entidad });
}

/**
 * The domain refuses a command naming an unknown session as a conflict (409); over HTTP the session is in the URL,
 * so it is a missing resource (404), with the same code and message.
 */
export function withSessionNotFoundAs404(error: unknown): unknown {
  if (error instanceof ApiProblem && error.body.code === 'SESSION_NOT_FOUND' && error.getStatus() !== 404) {
    const { statusCode: _status, code, message, ...fields } = error.body;
    return new ApiProblem(404, code, message, fields);
  }
  return error;
}
