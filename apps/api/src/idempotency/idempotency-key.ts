import { createHash } from 'node:crypto';
import { ApiProblem } from '../errors/api-problem';

/** The header of the IETF draft "The Idempotency-Key HTTP Header Field", as Stripe and others send it. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII only: a key is copied between logs, headers and Temporal's UI without escaping. */
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;

/** How long a key and its kept answer live; a retry after that is a new request. */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 7;

const MAX_UPDATE_ID_LENGTH = 255;

/**
 * The key of a request, or undefined when it sent none. Node joins a repeated header with ", ", which the syntax
 * refuses: two keys for one request are a client error, not a choice for the server.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header.join(', ') : header;
  if (!KEY_SYNTAX.test(key)) {
    throw new ApiProblem(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      `El encabezado ${IDEMPOTENCY_KEY_HEADER} debe tener de 1 a 255 caracteres ASCII visibles, sin espacios.`,
      { header: IDEMPOTENCY_KEY_HEADER },
    );
  }
  return key;
}

/**
 * The Temporal Update id of every attempt under one key: the account and the key, and when the key was first seen,
 * because Temporal remembers an Update id for the whole run and a key may be used again once it has expired here.
 */
export function updateIdFor(account: string, key: string, firstSeenAt: Date): string {
  const id = `${account}:${key}@${firstSeenAt.getTime().toString(36)}`;
  if (id.length <= MAX_UPDATE_ID_LENGTH) return id;
  return `${account}:sha256-${createHash('sha256').update(id).digest('hex')}`;
}

export const keyReused = () =>
  new ApiProblem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    `La clave ${IDEMPOTENCY_KEY_HEADER} ya se usó con otra solicitud; genere una nueva para esta.`,
  );

export const keyInUse = () =>
  new ApiProblem(
    409,
    'IDEMPOTENCY_KEY_IN_USE',
    `Una solicitud con la misma clave ${IDEMPOTENCY_KEY_HEADER} sigue en curso; espere su respuesta e intente de nuevo.`,
  );

/**
 * A refusal that could not be kept is not final: a retry decides again, perhaps otherwise (the state moved on), so
 * the client must not take this attempt's answer as the key's.
 */
export const answerNotKept = () =>
  new ApiProblem(
    503,
    'IDEMPOTENCY_ANSWER_NOT_KEPT',
    `La respuesta no pudo registrarse porque la base de datos no está disponible; repita la solicitud con la misma clave ${IDEMPOTENCY_KEY_HEADER} en unos momentos.`,
  );
