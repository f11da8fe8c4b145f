import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDatabaseUrl } from './embedded-database';
import { entidadesOption, parseArguments } from './users-arguments';

describe('npm run users: arguments', () => {
  it('reads a command and its options, flags without a value included', () => {
    expect(parseArguments(['create', '--username', 'garante-14', '--entidades', '14', '--password-stdin'])).toEqual({
      command: 'create',
      options: { username: 'garante-14', entidades: '14', 'password-stdin': true },
    });
  });

  it('names an unknown command or a stray value, in Spanish', () => {
    expect(parseArguments(['borrar'])).toEqual({ problem: 'Orden desconocida: «borrar».' });
    expect(parseArguments(['list', 'todo'])).toEqual({ problem: 'Se esperaba una opción (--nombre valor), no «todo».' });
  });

  it('reads states as two-digit codes', () => {
    expect(entidadesOption({ entidades: '9,14, 20' })).toEqual(['09', '14', '20']);
    expect(entidadesOption({})).toBeUndefined();
  });
});

describe('npm run users: the embedded database of npm start', () => {
  it('is found through the port PostgreSQL wrote in postmaster.pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'users-cli-'));
    mkdirSync(join(dir, 'postgres'));
    writeFileSync(join(dir, 'postgres', 'postmaster.pid'), '4242\n/data/postgres\n1764700000\n54329\n127.0.0.1\n');

    expect(defaultDatabaseUrl(dir)).toBe('postgres://postgres:postgres@127.0.0.1:54329/cocreacion');
  });

  it('says what is missing when npm start is not running', () => {
    expect(() => defaultDatabaseUrl(join(tmpdir(), 'no-existe-cocreacion'))).toThrow(/Sin DATABASE_URL/);
  });
});
