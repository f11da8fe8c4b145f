import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSystem, startSystem } from '../tools/stack';
import { httpClient } from './support/http';

/** Its own system, because this test stops parts of it. */
describe('GET /api/health names the part that is down', () => {
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

  it('answers 503 with temporal down once the Temporal server stops', async () => {
    await system.temporal!.stop();

    const health = await httpClient(system.apiUrl).get('/api/health');

    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', temporal: 'down', database: 'up' });
  });

  it('answers 503 with database down once PostgreSQL stops too', async () => {
    await system.postgres!.stop();

    const health = await httpClient(system.apiUrl).get('/api/health');

    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', temporal: 'down', database: 'down' });
  });
});
