import { cameFromAnotherSite, clearedSessionCookie, isSameOriginPost, safeNext, sessionCookie } from './dashboard-session';

describe('board session', () => {
  it('keeps the token in an HttpOnly, SameSite=Strict cookie for every path, Secure over HTTPS', () => {
    expect(sessionCookie('a.b.c', 28_800, false)).toBe('cocreacion_sesion=a.b.c; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict');
    expect(sessionCookie('a.b.c', 60, true)).toContain('; Secure');
    expect(clearedSessionCookie(false)).toBe('cocreacion_sesion=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it('returns after login only to a page of the board', () => {
    expect(safeNext('/tablero/entidades/14?x=1#sesiones')).toBe('/tablero/entidades/14?x=1#sesiones');
    expect(safeNext('/tablero')).toBe('/tablero');
    expect(safeNext('https://evil.example/tablero')).toBe('/tablero');
    expect(safeNext('//evil.example')).toBe('/tablero');
    expect(safeNext('/tablero//evil.example')).toBe('/tablero');
    expect(safeNext('/tableros')).toBe('/tablero');
    expect(safeNext('/api/exercises')).toBe('/tablero');
    expect(safeNext(['/tablero'])).toBe('/tablero');
  });

  it('accepts the board’s own form posts and refuses those from another site', () => {
    const post = (headers: Record<string, string>) => isSameOriginPost({ headers: { host: '127.0.0.1:3000', ...headers } });

    expect(post({ 'sec-fetch-site': 'same-origin', origin: 'null' })).toBe(true);
    expect(post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(false);
    expect(post({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(post({ origin: 'http://127.0.0.1:3000' })).toBe(true);
    expect(post({ origin: 'https://127.0.0.1:3000' })).toBe(true);
    expect(post({ origin: 'https://evil.example' })).toBe(false);
    expect(post({ origin: 'null' })).toBe(false);
    expect(post({})).toBe(true);
  });

  it('knows when a page was opened from another site', () => {
    expect(cameFromAnotherSite({ headers: { 'sec-fetch-site': 'cross-site' } })).toBe(true);
    expect(cameFromAnotherSite({ headers: { 'sec-fetch-site': 'none' } })).toBe(false);
  });
});
