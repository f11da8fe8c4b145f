import { type NextFunction, type Request, type Response } from 'express';
import { errorView } from '../dashboard/views/login.view';

const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a query string names an object's prototype machinery, as a key or as a value (`?orden=__proto__`). */
export function namesPrototype(query: unknown, depth = 0): boolean {
  if (typeof query === 'string') return PROTOTYPE_NAMES.has(query);
  if (Array.isArray(query)) return query.some((item) => namesPrototype(item, depth + 1));
  if (typeof query !== 'object' || query === null || depth > 5) return false;
  return Object.keys(query).some((key) => PROTOTYPE_NAMES.has(key) || namesPrototype((query as Record<string, unknown>)[key], depth + 1));
}

const MESSAGE = 'La consulta usa un nombre reservado (__proto__, constructor o prototype).';

/**
 * Before any handler: a lookup such as `name in TABLE` would find Object.prototype's members, and a merge into
 * an object would reach its prototype. No field of this API is named so, so such a request is a 400.
 */
export function refusePrototypeKeys(request: Request, response: Response, next: NextFunction): void {
  if (!namesPrototype(request.query)) return next();
  response.status(400).setHeader('Cache-Control', 'no-store');
  if (request.path.startsWith('/tablero')) {
    response.type('html').send(errorView('Solicitud no válida', MESSAGE, 400, undefined).value);
    return;
  }
  response.json({ statusCode: 400, code: 'VALIDATION_FAILED', message: `Datos inválidos. ${MESSAGE}` });
}
