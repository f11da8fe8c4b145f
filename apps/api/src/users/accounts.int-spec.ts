import { createHash } from 'node:crypto';
import { User } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { ApiProblem } from '../errors/api-problem';
import { Accounts, type Actor } from './accounts';

const OPERATOR: Actor = { username: 'cli:operador', role: 'coordinador', entidades: [] };
const PASSWORD = 'una frase de paso larga';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiProblem) return error.body.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('accounts and their one-time password links (real PostgreSQL)', () => {
  let database: TestDatabase;
  let accounts: Accounts;

  beforeAll(async () => {
    database = await createTestDatabase();
    accounts = new Accounts(database.dataSource);
  });

  afterAll(() => database?.drop());

  const sessionVersion = async (username: string) =>
    (await database.dataSource.getRepository(User).findOneByOrFail({ username })).sessionVersion;

  it('creates an invited account without a password; its link works once, and a refused password does not use it up', async () => {
    const { account, token } = await accounts.create(OPERATOR, { username: 'garante-14', role: 'garante', nombre: 'ITEI', email: 'itei@ejemplo.mx', entidades: ['14'] });
    expect(account).toMatchObject({ hasPassword: false, active: true });

    expect(await codeOf(accounts.setPasswordFromLink(token, 'corta'))).toBe('VALIDATION_FAILED');
    await expect(accounts.setPasswordFromLink(token, PASSWORD)).resolves.toMatchObject({ username: 'garante-14', hasPassword: true });
    expect(await codeOf(accounts.setPasswordFromLink(token, 'otra frase de paso larga'))).toBe('PASSWORD_LINK_INVALID');
  });

  it('refuses an expired link, and an older link once a newer one was used', async () => {
    const first = await accounts.passwordLink(OPERATOR, 'garante-14');
    const second = await accounts.passwordLink(OPERATOR, 'garante-14');
    const expired = await accounts.passwordLink(OPERATOR, 'garante-14');
    const expiredHash = createHash('sha256').update(expired.token).digest('hex');
    await database.dataSource.query("UPDATE password_links SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [expiredHash]);

    expect(await codeOf(accounts.setPasswordFromLink(expired.token, PASSWORD))).toBe('PASSWORD_LINK_INVALID');
    await accounts.setPasswordFromLink(second.token, 'la segunda frase larga');
    expect(await codeOf(accounts.setPasswordFromLink(first.token, PASSWORD))).toBe('PASSWORD_LINK_INVALID');
  });

  it('raises the session version on deactivation, a new role or states, a new password and logout, not on a new name', async () => {
    const user = await database.dataSource.getRepository(User).findOneByOrFail({ username: 'garante-14' });
    const before = await sessionVersion('garante-14');

    await accounts.update(OPERATOR, 'garante-14', { nombre: 'Instituto de Transparencia de Jalisco' });
    expect(await sessionVersion('garante-14')).toBe(before);
    await accounts.update(OPERATOR, 'garante-14', { entidades: ['20'] });
    await accounts.logout(user.id);
    await accounts.changeOwnPassword(user.id, 'la segunda frase larga', 'la tercera frase larga');
    await accounts.update(OPERATOR, 'garante-14', { active: false });

    expect(await sessionVersion('garante-14')).toBe(before + 4);
  });

  it('never lets an account deactivate itself or change its own role or states; its name, yes', async () => {
    const { token } = await accounts.create(OPERATOR, { username: 'coordinacion', role: 'coordinador', nombre: 'Coordinación', email: 'ga@ejemplo.mx' });
    await accounts.setPasswordFromLink(token, PASSWORD);
    const itself: Actor = { username: 'coordinacion', role: 'coordinador', entidades: [] };

    expect(await codeOf(accounts.update(itself, 'coordinacion', { active: false }))).toBe('FORBIDDEN_OWN_ACCOUNT');
    expect(await codeOf(accounts.update(itself, 'coordinacion', { role: 'enlace', entidades: ['14'] }))).toBe('FORBIDDEN_OWN_ACCOUNT');
    await expect(accounts.update(itself, 'coordinacion', { nombre: 'Coordinación de Gobierno Abierto' })).resolves.toMatchObject({ active: true });
  });

  it('gives a deactivated account no password from a link, and audits every change with who and what', async () => {
    const { token } = await accounts.passwordLink(OPERATOR, 'garante-14');

    expect(await codeOf(accounts.setPasswordFromLink(token, PASSWORD))).toBe('PASSWORD_LINK_INVALID');
    const trail = await accounts.trail(OPERATOR);
    expect(trail.map((entry) => `${entry.actor} ${entry.action}`)).toEqual(
      expect.arrayContaining(['cli:operador created', 'garante-14 password-set', 'cli:operador updated', 'garante-14 logged-out', 'garante-14 password-changed', 'cli:operador deactivated']),
    );
    expect(trail.find((entry) => entry.action === 'deactivated')?.details).toEqual({ before: { active: true }, after: { active: false } });
  });
});
