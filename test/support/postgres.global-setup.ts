import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../tools/stack';
import { testServers } from './global-state';

/** One real PostgreSQL for the integration run; every test file gets its own database in it. */
export default async function startTestPostgres(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-int-'));
  const server = await startEmbeddedPostgres(join(dir, 'postgres'), { logFile: join(dir, 'postgres.log') });
  process.env.TEST_POSTGRES_URL = server.url('postgres');
  testServers().postgres = { server, dir };
}
