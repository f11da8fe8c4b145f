import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../scripts/build';
import { startSystem } from '../../tools/stack';
import { testServers } from './global-state';
// Loading the allocation checks it: two e2e files given one state fail the run here, before the system starts.
import './e2e-states';

/**
 * The whole system as `npm start` runs it (compiled API and worker, Temporal dev server, embedded PostgreSQL),
 * on free ports and in a throwaway data folder, for the end-to-end tests.
 */
export default async function startTestSystem(): Promise<void> {
  if (process.env.COCREACION_BUILT !== '1') compile();
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-e2e-'));
  // A fresh signing key per run, known to the tests that forge tokens (expired, wrong key…); outside production,
  // so the API seeds the demo accounts.
  const jwtSecret = randomBytes(32).toString('hex');
  const system = await startSystem({ dataDir: dir, logToFiles: true, metrics: true, env: { NODE_ENV: 'test', JWT_SECRET: jwtSecret } });
  process.env.E2E_JWT_SECRET = jwtSecret;
  process.env.E2E_API_URL = system.apiUrl;
  process.env.E2E_DATABASE_URL = system.databaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = system.temporalAddress;
  process.env.E2E_DATA_DIR = dir;
  process.env.E2E_API_METRICS_URL = system.metricsUrls!.api;
  process.env.E2E_WORKER_METRICS_URL = system.metricsUrls!.worker;
  testServers().system = { system, dir };
}
