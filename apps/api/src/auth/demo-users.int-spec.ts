import { User } from '@app/persistence';
import { compare } from 'bcryptjs';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { seedDemoUsers } from './demo-users.seeder';

describe('the users table and its demo accounts (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database?.drop());

  it('seeds the 50 demo accounts once, even when several API replicas start at the same time', async () => {
    const created = await Promise.all([1, 2, 3].map(() => seedDemoUsers(database.dataSource, 'cocreacion')));

    expect(created.reduce((sum, count) => sum + count, 0)).toBe(50);
    expect(await database.dataSource.getRepository(User).count()).toBe(50);
    expect(await seedDemoUsers(database.dataSource, 'cocreacion')).toBe(0);
  });

  it('stores the accounts with their states and a bcrypt hash of the demo password', async () => {
    const users = database.dataSource.getRepository(User);
    const enlace = await users.findOneByOrFail({ username: 'enlace' });
    const garante = await users.findOneByOrFail({ username: 'garante-14' });

    expect(enlace).toMatchObject({ role: 'enlace', entidades: ['14', '20', '26', '29'], email: 'enlace@ejemplo.org.mx', active: true });
    expect(garante).toMatchObject({ role: 'garante', entidades: ['14'], email: 'garante-14@ejemplo.org.mx' });
    expect(await compare('cocreacion', garante.passwordHash ?? '')).toBe(true);
  });

  it.each([
    ['an unknown role', `'administrador', '{14}'`],
    ['a garante of two states', `'garante', '{14,20}'`],
    ['an integrante without a state', `'integrante', '{}'`],
    ['a coordinador limited to some states', `'coordinador', '{14}'`],
    ['an enlace without states', `'enlace', '{}'`],
    ['a state code that does not exist', `'enlace', '{14,33}'`],
  ])('refuses %s at the database', async (_case, roleAndEntidades) => {
    await expect(
      database.dataSource.query(
        `INSERT INTO users (username, password_hash, role, entidades, nombre) VALUES ('intruso', 'x', ${roleAndEntidades}, 'Intruso')`,
      ),
    ).rejects.toThrow(/violates check constraint/);
  });

  it('refuses a second account with the same username, and usernames that are not lower case', async () => {
    const insert = (username: string) =>
      database.dataSource.query(
        `INSERT INTO users (username, password_hash, role, entidades, nombre) VALUES ($1, 'x', 'garante', '{14}', 'Otro')`,
        [username],
      );

    await expect(insert('garante-14')).rejects.toThrow(/users_username/);
    await expect(insert('Garante-99')).rejects.toThrow(/violates check constraint/);
  });
});
