import { accountProblems, canManage, passwordProblem } from './account-rules';

const COORDINACION = { role: 'coordinador' as const, entidades: [] };
const ENLACE = { role: 'enlace' as const, entidades: ['14', '20'] };

describe('who manages which account', () => {
  it('lets the coordinación manage every account, the enlace included', () => {
    expect(canManage(COORDINACION, { role: 'enlace', entidades: ['01'] })).toBe(true);
    expect(canManage(COORDINACION, { role: 'coordinador', entidades: [] })).toBe(true);
  });

  it.each(['garante', 'facilitador', 'integrante'] as const)('lets an enlace manage a %s of its own states only', (role) => {
    expect(canManage(ENLACE, { role, entidades: ['14'] })).toBe(true);
    expect(canManage(ENLACE, { role, entidades: ['31'] })).toBe(false);
  });

  it('never lets an enlace manage the coordinación or an enlace, even of its own states', () => {
    expect(canManage(ENLACE, { role: 'coordinador', entidades: [] })).toBe(false);
    expect(canManage(ENLACE, { role: 'enlace', entidades: ['14'] })).toBe(false);
  });

  it.each(['garante', 'facilitador', 'integrante'] as const)('never lets a %s manage accounts', (role) => {
    expect(canManage({ role, entidades: ['14'] }, { role: 'integrante', entidades: ['14'] })).toBe(false);
  });
});

describe('new passwords', () => {
  it('need 12 characters, at most 72 bytes, and must not contain the username', () => {
    expect(passwordProblem('corta-123', 'garante-14')).toMatch(/al menos 12/);
    expect(passwordProblem('ñ'.repeat(40), 'garante-14')).toMatch(/72 bytes/);
    expect(passwordProblem('mi-GARANTE-14-casa', 'garante-14')).toMatch(/nombre de usuario/);
    expect(passwordProblem('tres palabras largas', 'garante-14')).toBeUndefined();
  });
});

describe('an account’s reach by role', () => {
  it('refuses what the users table would refuse, in Spanish', () => {
    expect(accountProblems({ username: 'Mayúsculas', role: 'garante', entidades: ['14'] })[0]).toMatchObject({ field: 'username', message: expect.stringMatching(/minúsculas/) });
    const messages = (account: Parameters<typeof accountProblems>[0]) => accountProblems(account).map((problem) => problem.message);
    expect(accountProblems({ username: 'garante-x', role: 'garante', entidades: ['14', '20'] })).toEqual([
      { field: 'entidades', message: 'Una cuenta de garante pertenece a exactamente una entidad.' },
    ]);
    expect(messages({ username: 'enlace-x', role: 'enlace', entidades: [] })).toEqual(['Un enlace necesita al menos una entidad.']);
    expect(messages({ username: 'coord', role: 'coordinador', entidades: ['14'] })[0]).toMatch(/no lleva entidades/);
    expect(messages({ username: 'enlace-y', role: 'enlace', entidades: ['14', '33'] })[0]).toMatch(/claves INEGI/);
    expect(accountProblems({ username: 'garante-14b', role: 'garante', entidades: ['14'] })).toEqual([]);
  });
});
