import { type RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The board lives outside the /api prefix (main.ts): its pages, its files and its public boards. */
export const DASHBOARD_ROUTES_OUTSIDE_API = ['tablero', 'tablero/{*ruta}'];

/** Only the public tracking board may be framed by other sites (the garante's micrositio). */
export function isEmbeddablePath(path: string): boolean {
  return /^\/tablero\/publico\/[^/]+\/?$/.test(path);
}

type CspDirectives = Record<string, unknown>;

/** The same policy, with any site allowed as a frame ancestor, no X-Frame-Options, and resources usable cross-origin. */
export function embeddableOptions(options: HelmetOptions): HelmetOptions {
  const csp = options.contentSecurityPolicy;
  const directives = (typeof csp === 'object' && csp.directives ? csp.directives : {}) as CspDirectives;
  // HelmetOptions is a union over its option aliases; the spread keeps whichever the caller used.
  return {
    ...options,
    contentSecurityPolicy: { ...(typeof csp === 'object' ? csp : {}), directives: { ...directives, frameAncestors: ['*'] } },
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  } as HelmetOptions;
}

/** Helmet's headers on every response: framing only from this site, except for the public boards. */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const strict = helmet(options);
  const embeddable = helmet(embeddableOptions(options));
  return (request, response, next) => (isEmbeddablePath(request.path) ? embeddable : strict)(request, response, next);
}
