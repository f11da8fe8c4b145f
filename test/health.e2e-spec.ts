import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSystem, startSystem } from '../tools/stack';
import { httpClient } from './support/http';

/** Its own system, because this test stops parts of it. */
describe('GET /api/health/ready names the part that is down; GET /api/health stays alive', () => {
  let system: RunningSystem;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-health-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false });
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ready once migrations and search attributes are in, with no demo data asked for', async () => {
    const ready = await httpClient(system.apiUrl).get('/api/health/ready');

    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      database: 'up',
      temporal: 'up',
      migrations: 'applied',
      searchAttributes: 'registered',
      seed: 'not_requested',
      problems: [],
    });
  });

  it('answers 503 naming Temporal once the Temporal server stops, while liveness stays 200', async () => {
    await system.temporal!.stop();

    const ready = await httpClient(system.apiUrl).get('/api/health/ready');
    const live = await httpClient(system.apiUrl).get('/api/health');

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', temporal: 'down', database: 'up' });
    expect(ready.body.problems).toEqual([`Temporal no responde en ${system.temporalAddress}.`]);
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  it('answers 503 naming PostgreSQL once it stops too', async () => {
    await system.postgres!.stop();

    const ready = await httpClient(system.apiUrl).get('/api/health/ready');

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', temporal: 'down', database: 'down', migrations: 'unknown' });
    expect(ready.body.problems).toEqual(['PostgreSQL no responde.', `Temporal no responde en ${system.temporalAddress}.`]);
  });
});
