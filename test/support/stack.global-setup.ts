import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../scripts/build';
import { startSystem } from '../../tools/stack';
import { testServers } from './global-state';

/**
 * The whole system as `npm start` runs it (compiled API and worker, Temporal dev server, embedded PostgreSQL),
 * on free ports and in a throwaway data folder, for the end-to-end tests.
 */
export default async function startTestSystem(): Promise<void> {
  if (process.env.COCREACION_BUILT !== '1') compile();
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-e2e-'));
  const system = await startSystem({ dataDir: dir, logToFiles: true });
  process.env.E2E_API_URL = system.apiUrl;
  process.env.E2E_DATABASE_URL = system.databaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = system.temporalAddress;
  process.env.E2E_DATA_DIR = dir;
  testServers().system = { system, dir };
}
