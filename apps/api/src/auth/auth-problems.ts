import { entidadName, type Entidad } from '@app/domain';
import { ApiProblem } from '../errors/api-problem';
import { type EntidadAccessKind, type EntidadScope } from './entidad-access';

/** Same answer for an unknown user, a wrong password and an inactive account: nothing to enumerate. */
export const invalidCredentials = () =>
  new ApiProblem(401, 'INVALID_CREDENTIALS', 'Usuario o contraseña incorrectos.');

export const unauthenticated = (message = 'Se requiere iniciar sesión: envíe el encabezado Authorization: Bearer <token>.') =>
  new ApiProblem(401, 'UNAUTHENTICATED', message);

export const invalidToken = () =>
  unauthenticated('El token de acceso no es válido; solicite uno nuevo en POST /api/auth/token.');

export const tokenExpired = () =>
  new ApiProblem(401, 'TOKEN_EXPIRED', 'La sesión expiró; solicite un token nuevo en POST /api/auth/token.');

export const tooManyLoginAttempts = (retryAfterSeconds: number) =>
  new ApiProblem(
    429,
    'TOO_MANY_REQUESTS',
    `Demasiados intentos de inicio de sesión; espere ${retryAfterSeconds} segundos antes de volver a intentarlo.`,
    { retryAfterSeconds },
  );

/** 403 naming the state, and whether the account lacks the state or only the right to act in it. */
export function forbiddenEntidad(user: EntidadScope, entidad: Entidad, kind: EntidadAccessKind): ApiProblem {
  const name = `${entidadName(entidad)} (${entidad})`;
  const message =
    kind === 'command' && user.role === 'integrante' && user.entidades.includes(entidad)
      ? `Su cuenta (integrante) solo puede consultar la información de ${name}, no registrar acciones.`
      : kind === 'command'
        ? `Su cuenta no tiene permiso para registrar acciones en ${name}.`
        : `Su cuenta no tiene acceso a la información de ${name}.`;
  return new ApiProblem(403, 'FORBIDDEN_ENTIDAD', message, { entidad });
}
