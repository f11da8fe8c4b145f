import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_RETENTION_DAYS } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const DESCRIPTION =
  'Opcional: una clave por acción (p. ej. un UUID) para reintentar sin riesgo. Repetir la solicitud con la misma clave ' +
  'devuelve la misma respuesta (estado y cuerpo) sin aplicarla otra vez, también después de un 503. La misma clave con ' +
  'otra solicitud: 422 IDEMPOTENCY_KEY_REUSED; mientras la primera sigue en curso: 409 IDEMPOTENCY_KEY_IN_USE; un ' +
  'rechazo que no pudo registrarse: 503 IDEMPOTENCY_ANSWER_NOT_KEPT (repítala con la misma clave); mal ' +
  `formada: 400 IDEMPOTENCY_KEY_INVALID. Cada cuenta tiene sus claves; se guardan ${IDEMPOTENCY_KEY_RETENTION_DAYS} días. ` +
  'Una solicitud rechazada por datos inválidos (400) no deja nada guardado bajo su clave.';

/** A command route: takes an `Idempotency-Key` and documents it. */
export const IdempotentCommand = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description: DESCRIPTION,
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$', example: '5f0c2a7e-8d1b-4c43-9a51-2f7b8e6d1c90' },
    }),
  );
