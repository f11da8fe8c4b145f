import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres, type PostgresServer } from '../../../tools/stack';
import { initializeWhenReachable } from './connect';
import { createDataSource } from './data-source';

/** A worker or an API started while PostgreSQL is still starting comes up with it (chaos CI run: the worker died). */
describe('connecting at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-connect-'));
  let server: PostgresServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits while PostgreSQL refuses connections and connects once it is up', async () => {
    const port = await freePort();
    const waits: string[] = [];
    let firstWait: () => void = () => undefined;
    const waited = new Promise<void>((resolve) => (firstWait = resolve));
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const connecting = initializeWhenReachable(() => createDataSource({ url, poolSize: 1, logErrors: false }), {
      waitMs: 120_000,
      log: (message) => {
        waits.push(message);
        firstWait();
      },
    });

    await waited;
    server = await startEmbeddedPostgres(join(dir, 'postgres'), { port, logFile: join(dir, 'postgres.log') });
    const dataSource = await connecting;

    expect(waits[0]).toMatch(/^PostgreSQL aún no responde \(ECONNREFUSED\); nuevo intento en/);
    await expect(dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
    await dataSource.destroy();
  }, 180_000);

  it('fails at once on a database that does not exist: waiting would hide a wrong configuration', async () => {
    const waits: string[] = [];
    const url = server!.url('no_existe');

    await expect(
      initializeWhenReachable(() => createDataSource({ url, poolSize: 1, logErrors: false }), { log: (message) => waits.push(message) }),
    ).rejects.toMatchObject({ code: '3D000' });
    expect(waits).toEqual([]);
  });
});
