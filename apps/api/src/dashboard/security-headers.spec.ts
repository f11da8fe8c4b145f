import { type Request, type Response } from 'express';
import { isEmbeddablePath, securityHeaders } from './security-headers';

const OPTIONS = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'self'"] } } };

function headersFor(path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as Response;
  let done = false;
  securityHeaders(OPTIONS)({ path, headers: {} } as Request, response, () => {
    done = true;
  });
  if (!done) throw new Error('the middleware did not call next()');
  return headers;
}

describe('framing per route', () => {
  it('lets other sites frame only the public boards', () => {
    expect(isEmbeddablePath('/tablero/publico/14')).toBe(true);
    expect(isEmbeddablePath('/tablero/publico/14/')).toBe(true);
    expect(isEmbeddablePath('/tablero/publico/14/otra')).toBe(false);
    expect(isEmbeddablePath('/tablero')).toBe(false);
    expect(isEmbeddablePath('/api/stls/14')).toBe(false);
  });

  it('sends X-Frame-Options and frame-ancestors self everywhere else', () => {
    const board = headersFor('/tablero/entidades/14');
    const api = headersFor('/api/exercises');

    for (const headers of [board, api]) {
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    }
  });

  it('sends no X-Frame-Options and frame-ancestors * on a public board, keeping the rest of the policy', () => {
    const headers = headersFor('/tablero/publico/14');

    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['content-security-policy']).toContain('frame-ancestors *');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});
